"""Default crisis and safety resources by region (HELP_REGION picks one).

Every number and address below was read on the organisation's own published page (or, for
911 and 9-8-8, the regulator's or the operator's), named in the comment beside the entry.
Where the organisation's own page did not show a number, the entry gives only its website,
and where nothing could be checked the service is left out. Checked in November 2026
against stored copies of those pages; some copies are years old, so a practice should open
each source page before publishing (README: "Help resources").

A practice elsewhere sets HELP_RESOURCES in its settings:
{"REGION": [{"name", "how", "url" (optional), "tel" (optional)}]}.
"""

DEFAULT_HELP_RESOURCES = {
    "CA": [
        # Source: https://www.canada.ca/en/radio-television-telecommunications/news/2016/12/crtc-supports-text-9-1-1-awareness.html
        {"name": "Emergency services", "how": "Call 911 if you are in danger right now.", "tel": "911"},
        # Source: https://camh.ca/fr/agent-du-changement/988 (CAMH runs 9-8-8)
        {"name": "9-8-8 Suicide Crisis Helpline",
         "how": "Call or text 988, any time, in English or French, if you are thinking about suicide or are in distress.",
         "tel": "988", "url": "https://988.ca/"},
        # Source: https://www.awhl.org/covid-19 ("24/7 crisis counselling for women and seniors in
        # the province of Ontario"); its number was not shown on the copy checked, so none is given.
        {"name": "Assaulted Women's Helpline (Ontario)",
         "how": "Crisis counselling for women, day and night. Its website gives the numbers to call.",
         "url": "https://www.awhl.org/"},
        # Source: https://sheltersafe.ca/about-shelters/ ("staff available 24/7 to answer your call")
        {"name": "ShelterSafe",
         "how": "A map of women's shelters across Canada; each lists its own crisis line, and you do not have to stay in a shelter to call.",
         "url": "https://sheltersafe.ca/"},
        # Source: https://equalitycanada.com/fundraiser-to-open-calgarys-first-mens-centre-reaches-halfway-point/
        # (number, 2018) and https://menandfamilies.org/canada-advisory-dv/ (services). An office line, not 24/7.
        {"name": "Canadian Centre for Men and Families",
         "how": "Counselling and support for men living with abuse. Call 1-844-900-2263 during office hours.",
         "tel": "+18449002263", "url": "https://menandfamilies.org/"},
        # Source: https://translifeline.org/linea-directa/?lang=es ("Canadá (877) 330-6366")
        {"name": "Trans Lifeline",
         "how": "Peer support for trans and questioning people, by trans people. Call 1-877-330-6366.",
         "tel": "+18773306366", "url": "https://translifeline.org/"},
        # Source: https://211ontario.ca/about-211-ontario/news/211-ontario-helpline-goes-province-wide-over-4-million-served/
        # (2-1-1 across Ontario) and the release 211 Ontario and Family Service Ontario issued for
        # Men's Counselling Link, https://www.globenewswire.com/news-release/2025/11/04/3180053/0/en/New-free-counselling-service-launches-in-Ontario-to-help-men-get-support-before-crisis-hits.html
        # ("By dialling 2-1-1, men can speak immediately with a trained clinician", 24/7).
        {"name": "211 Ontario: Men's Counselling Link",
         "how": "If you are worried about how you treat your partner, or your anger, call 2-1-1, any time, and ask for Men's Counselling Link.",
         "tel": "211", "url": "https://211ontario.ca/"},
        # Source: https://kidshelpphone.ca/text-about-it/ ("text CONNECT to 686868")
        {"name": "Kids Help Phone",
         "how": "For young people: text CONNECT to 686868, any time.",
         "url": "https://kidshelpphone.ca/"},
    ],
    # The same services for the French site (HELP_REGION "CA-fr"), from the same source pages as
    # "CA" above; names stay as each organisation publishes them unless its French name was on
    # the source page. No entry claims service in French unless its source says so.
    "CA-fr": [
        # Source: https://www.canada.ca/en/radio-television-telecommunications/news/2016/12/crtc-supports-text-9-1-1-awareness.html
        {"name": "Services d'urgence", "how": "Composez le 911 si vous êtes en danger en ce moment.", "tel": "911"},
        # Source: https://camh.ca/fr/agent-du-changement/988 (CAMH runs 9-8-8; the page is in French)
        {"name": "9-8-8 : Ligne d'aide en cas de crise de suicide",
         "how": "Appelez ou textez le 988, en tout temps, en français ou en anglais, si vous pensez au suicide ou si vous êtes en détresse.",
         "tel": "988", "url": "https://988.ca/"},
        # Source: https://www.awhl.org/covid-19 (24/7 crisis counselling for women and seniors in Ontario)
        {"name": "Assaulted Women's Helpline (Ontario)",
         "how": "Du soutien en situation de crise pour les femmes, jour et nuit. Son site Web donne les numéros à composer.",
         "url": "https://www.awhl.org/"},
        # Source: https://sheltersafe.ca/about-shelters/ ("staff available 24/7 to answer your call")
        {"name": "ShelterSafe",
         "how": "Une carte des maisons d'hébergement pour femmes au Canada; chacune indique sa ligne de crise, et vous pouvez appeler sans y séjourner.",
         "url": "https://sheltersafe.ca/"},
        # Source: https://equalitycanada.com/fundraiser-to-open-calgarys-first-mens-centre-reaches-halfway-point/
        # (number, 2018) and https://menandfamilies.org/canada-advisory-dv/ (services). An office line, not 24/7.
        {"name": "Canadian Centre for Men and Families",
         "how": "Du counseling et du soutien pour les hommes qui vivent de la violence. Composez le 1-844-900-2263 pendant les heures de bureau.",
         "tel": "+18449002263", "url": "https://menandfamilies.org/"},
        # Source: https://translifeline.org/linea-directa/?lang=es ("Canadá (877) 330-6366")
        {"name": "Trans Lifeline",
         "how": "Du soutien par des pairs, offert par des personnes trans aux personnes trans et en questionnement. Composez le 1-877-330-6366.",
         "tel": "+18773306366", "url": "https://translifeline.org/"},
        # Source: https://211ontario.ca/about-211-ontario/news/211-ontario-helpline-goes-province-wide-over-4-million-served/
        # and https://www.globenewswire.com/news-release/2025/11/04/3180053/0/en/New-free-counselling-service-launches-in-Ontario-to-help-men-get-support-before-crisis-hits.html
        {"name": "211 Ontario : Men's Counselling Link",
         "how": "Si vous vous inquiétez de la façon dont vous traitez votre partenaire, ou de votre colère, composez le 2-1-1, en tout temps, et demandez Men's Counselling Link.",
         "tel": "211", "url": "https://211ontario.ca/"},
        # Source: https://kidshelpphone.ca/text-about-it/ ("text CONNECT to 686868")
        {"name": "Kids Help Phone",
         "how": "Pour les jeunes : textez CONNECT au 686868, en tout temps.",
         "url": "https://kidshelpphone.ca/"},
    ],
    "US": [
        # Source: https://denco.org/9-1-1-tips (a 9-1-1 district's own page)
        {"name": "Emergency services", "how": "Call 911 if you are in danger right now.", "tel": "911"},
        # Source: http://www.thehotline.org/tag/referrals/ (it also talks with people "concerned about
        # behaviors that may be unhealthy"); its number was not shown on the copies checked.
        {"name": "National Domestic Violence Hotline",
         "how": "Advocates for anyone living with abuse, and for people worried about their own behaviour. Its website gives the ways to call, text or chat.",
         "url": "https://www.thehotline.org/"},
        # Source: https://988lifeline.org/get-help/what-to-expect
        {"name": "988 Suicide & Crisis Lifeline", "how": "Call or text 988, any time.", "tel": "988",
         "url": "https://988lifeline.org/"},
        # Source: https://avp.org/2018/12/10/avp-learns-of-hate-violence-incident-in-times-square
        # ("free bilingual national hotline at 212-714-1141")
        {"name": "Anti-Violence Project",
         "how": "For LGBTQ+ people facing violence, including from a partner: call 212-714-1141, in English or Spanish.",
         "tel": "+12127141141", "url": "https://avp.org/"},
        # Source: https://translifeline.org/linea-directa/?lang=es ("EE.UU. (877) 565-8860")
        {"name": "Trans Lifeline",
         "how": "Peer support for trans and questioning people, by trans people. Call 1-877-565-8860.",
         "tel": "+18775658860", "url": "https://translifeline.org/"},
        # Source: https://stronghearts.me/about ("Call 1-844-762-8483 Or Text 24/7")
        {"name": "StrongHearts Native Helpline",
         "how": "For Native American and Alaska Native people facing abuse: call or text 1-844-762-8483, any time.",
         "tel": "+18447628483"},
        # Source: http://www.loveisrespect.org/content/category/respectext/ ("call 1-866-331-9474")
        {"name": "love is respect",
         "how": "For young people worried about a dating relationship: call 1-866-331-9474.",
         "tel": "+18663319474", "url": "https://www.loveisrespect.org/"},
    ],
}
