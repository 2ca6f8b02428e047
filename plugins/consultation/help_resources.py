"""Default help lists for a reader who has said "I am afraid of my partner / they threaten or hurt me".

Shape (HELP_REGION picks the region, the page language picks the list):

    DEFAULT_HELP_RESOURCES = {
        "CA-ON": {"en": [entry, ...], "fr": [entry, ...]},  # Ontario; services in Canada are provincial
        "US": {"en": [entry, ...]},                          # national US services only
    }

Each entry has: "name" (the organisation's own name; its French name on a "fr" list only where
the organisation publishes one), "group" ("emergency" = 911 only; "violence" = a domestic,
partner or family-violence line open 24 hours with a number to call or text; "more" = everything
else), "serves", "hours" (as the source page gives them; nothing is called 24/7 unless its source
says so), "how" (one plain sentence), and "source" (the page the number and hours were read on).
It may have "call" + "call_label" (digits for the tel: link, and the number as readers see it),
"text" + "text_label" (an SMS number or short code), "text_body" (the word to text) and "url".

Order within a list is the order a person in danger needs: 911 first, then the 24-hour violence
lines, then the rest (men, LGBTQ+, worried about your own behaviour, mental health and 9-8-8,
young people), and entries that give only a website last. The "fr" list holds the same services,
worded in Canadian French, with a French-language service first in its group.

Every number and every "hours" value was read on the organisation's own page, or on the page of
the government or operator that runs or funds the line (911, 9-8-8, the Victim Support Line,
Fem'aide, the US National Domestic Violence Hotline), named in the "# Source:" comment above each entry with the few words that show it.
Where no such page showed a number, the entry gives only the website, or the service is left
out (docs/help-resources-sources.md lists what could not be checked). The lists were checked in
December 2026 against stored copies of those pages; some copies are years old, so a practice
should open each source page, and call nothing it has not seen there, before publishing.

A practice elsewhere sets HELP_RESOURCES in its settings, in the same shape.
"""

DEFAULT_HELP_RESOURCES = {
    "CA-ON": {
        "en": [
            # Source: https://ottawapolice.ca/en/news/the-job-of-an-emergency-communicator-is-a-rewarding-one_2.aspx
            # ("The Communications Centre operates 24/7" ... "all 911 calls are initially answered by the
            # Ottawa Police Service"; 2018). Also https://ontario.ca/page/office-victims-crime ("If you or
            # someone you know is in immediate danger, call your local police or 9-1-1.")
            {"name": "911",
             "group": "emergency",
             "serves": "Anyone in danger right now",
             "hours": "24/7",
             "how": "Call 911 now if you are in danger or hurt; the call taker sends police, fire or an ambulance.",
             "call": "911", "call_label": "911",
             "source": "https://ottawapolice.ca/en/news/the-job-of-an-emergency-communicator-is-a-rewarding-one_2.aspx"},
            # Source: https://ontario.ca/page/office-victims-crime
            # ("call the Victim Support Line (VSL), available 24 hours a day, seven days a week at
            # 1-888-579-2888 (toll-free) or 416-314-2447 (Greater Toronto Area)"). Run for the Province of
            # Ontario; open to callers of any gender.
            {"name": "Victim Support Line",
             "group": "violence",
             "serves": "Anyone in Ontario hurt by a crime, including by a partner or family member",
             "hours": "24/7",
             "how": "A trained worker listens and tells you about services for victims near you.",
             "call": "+18885792888", "call_label": "1-888-579-2888",
             "url": "https://www.ontario.ca/page/victim-services-ontario",
             "source": "https://ontario.ca/page/office-victims-crime"},
            # Source: https://www.mcss.gov.on.ca/en/mcss/about/stories/vaw_sudbury.aspx
            # (Ontario Ministry of Community and Social Services, which funds the line; about 2010:
            # "accessible free of charge throughout Ontario, 24 hours a day by dialing 1 877 336-2433
            # (ATS 1 866 860-7082)"). femaide.ca itself was not among the stored copies.
            {"name": "Fem'aide",
             "group": "violence",
             "serves": "French-speaking women in Ontario facing violence",
             "hours": "24 hours a day",
             "how": "A worker answers in French, listens, and connects you with services in your area (TTY: 1-866-860-7082).",
             "call": "+18773362433", "call_label": "1-877-336-2433",
             "source": "https://www.mcss.gov.on.ca/en/mcss/about/stories/vaw_sudbury.aspx"},
            # Source: https://equalitycanada.com/fundraiser-to-open-calgarys-first-mens-centre-reaches-halfway-point/
            # (page header on the site of the charity that runs the Centre, 2018: "647-479-9611,
            # 1-844-900-CCMF (2263)"; no hours shown, so none are claimed). Services: https://www.einpresswire.com/article/536645385/the-canadian-centre-for-men-and-families-opens-in-st-thomas-with-services-for-south-western-ontario
            # (the Centre's own release, 2021: "a domestic abuse support group").
            {"name": "Canadian Centre for Men and Families",
             "group": "more",
             "serves": "Men, including men abused by a partner",
             "hours": "Office hours only, not 24/7",
             "how": "Call during office hours to ask about counselling and support groups for men living with abuse.",
             "call": "+18449002263", "call_label": "1-844-900-2263",
             "url": "https://menandfamilies.org/",
             "source": "https://equalitycanada.com/fundraiser-to-open-calgarys-first-mens-centre-reaches-halfway-point/"},
            # Source: https://translifeline.org/linea-directa/?lang=es
            # ("Canadá (877) 330-6366"; "Ningún rescate activo no consentido (llamar al 911 ...)").
            # The page shows no hours; the line is not 24/7, so readers are sent to the website.
            {"name": "Trans Lifeline",
             "group": "more",
             "serves": "Trans and questioning people in Canada",
             "hours": "Some hours only; check the website",
             "how": "A trans person answers and listens, even if you are not in crisis, and will not call 911 unless you ask.",
             "call": "+18773306366", "call_label": "1-877-330-6366",
             "url": "https://translifeline.org/",
             "source": "https://translifeline.org/linea-directa/?lang=es"},
            # Source: https://www.globenewswire.com/news-release/2025/11/04/3180053/0/en/New-free-counselling-service-launches-in-Ontario-to-help-men-get-support-before-crisis-hits.html
            # (release by 211 Ontario and Family Service Ontario, 2025: "Available 24 hours a day, seven
            # days a week" ... "By dialling 2-1-1, men can speak immediately with a trained clinician").
            {"name": "211 Ontario: Men's Counselling Link",
             "group": "more",
             "serves": "Men in Ontario",
             "hours": "24/7",
             "how": "If you are worried about your own behaviour toward your partner, call 2-1-1 and ask for Men's Counselling Link to talk with a counsellor right away.",
             "call": "211", "call_label": "2-1-1",
             "url": "https://211ontario.ca/",
             "source": "https://www.globenewswire.com/news-release/2025/11/04/3180053/0/en/New-free-counselling-service-launches-in-Ontario-to-help-men-get-support-before-crisis-hits.html"},
            # Source: https://www.newswire.ca/news-releases/government-of-canada-launches-three-digit-suicide-crisis-helpline-896472116.html
            # (Government of Canada, 2023: "now available to call or text, in English and French, 24 hours
            # a day and seven days a week"). Operator's page: https://988.ca/fr/les-modalites-et-conditions-pour-le-service
            {"name": "9-8-8 Suicide Crisis Helpline",
             "group": "more",
             "serves": "Anyone in Canada",
             "hours": "24/7",
             "how": "Call or text 9-8-8 if you are thinking about suicide or are worried about someone; a trained responder listens, in English or French.",
             "call": "988", "call_label": "9-8-8",
             "text": "988", "text_label": "9-8-8",
             "url": "https://988.ca/",
             "source": "https://www.newswire.ca/news-releases/government-of-canada-launches-three-digit-suicide-crisis-helpline-896472116.html"},
            # Source: https://kidshelpphone.ca/text-about-it/
            # ("Our confidential texting service is free and available across Canada 24/7" ... "text
            # CONNECT to 686868"). Phone: http://org.kidshelpphone.ca/fr/about-us/faqs/ (about 2007:
            # "1 800 668-6868" ... "24 heures sur 24, 365 jours par année").
            {"name": "Kids Help Phone",
             "group": "more",
             "serves": "Young people in Canada",
             "hours": "24/7",
             "how": "Text CONNECT to 686868 or call 1-800-668-6868 to reach someone who listens, about any problem.",
             "call": "+18006686868", "call_label": "1-800-668-6868",
             "text": "686868", "text_label": "686868", "text_body": "CONNECT",
             "url": "https://kidshelpphone.ca/",
             "source": "https://kidshelpphone.ca/text-about-it/"},
            # Source: https://www.awhl.org/covid-19
            # ("our 24/7 crisis counselling for women and seniors in the province of Ontario"; 2020).
            # No stored copy of its own pages showed its phone numbers, so only the website is given.
            {"name": "Assaulted Women's Helpline",
             "group": "more",
             "serves": "Women in Ontario",
             "hours": "24/7",
             "how": "Counsellors talk with women about abuse, day and night; its website gives the numbers to call.",
             "url": "https://www.awhl.org/",
             "source": "https://www.awhl.org/covid-19"},
            # Source: https://sheltersafe.ca/about-shelters/
            # ("Most shelters on this site have staff available 24/7 to answer your call. You DO NOT
            # need to stay in a shelter to get help.")
            {"name": "ShelterSafe",
             "group": "more",
             "serves": "Women and children across Canada",
             "hours": "Most shelters listed answer calls 24/7",
             "how": "A map of shelters for women and children leaving abuse; you can call a shelter just to talk, without staying there.",
             "url": "https://sheltersafe.ca/",
             "source": "https://sheltersafe.ca/about-shelters/"},
        ],
        # The same services, from the same sources unless the comment names a French page.
        "fr": [
            # Source: https://ottawapolice.ca/en/news/the-job-of-an-emergency-communicator-is-a-rewarding-one_2.aspx
            # ("911-urgence, do you need police, fire or ambulance?" ... "operates 24/7"; 2018). Also
            # https://www.ontario.ca/fr/page/office-des-affaires-des-victimes-dactes-criminels ("composez le 9-1-1").
            {"name": "911",
             "group": "emergency",
             "serves": "Toute personne en danger en ce moment",
             "hours": "24 h sur 24, 7 jours sur 7",
             "how": "Composez le 911 tout de suite si vous êtes en danger ou si on vous a fait mal; on vous envoie la police, les pompiers ou une ambulance.",
             "call": "911", "call_label": "911",
             "source": "https://ottawapolice.ca/en/news/the-job-of-an-emergency-communicator-is-a-rewarding-one_2.aspx"},
            # Source: http://www.mcss.gov.on.ca/fr/mcss/about/stories/vaw_sudbury.aspx
            # (ministère qui finance la ligne, vers 2010 : « accessible sans frais à travers l'Ontario
            # 24 heures sur 24, en composant le 1 877 336-2433, (ATS 1 866 860-7082) »).
            {"name": "Fem'aide",
             "group": "violence",
             "serves": "Les femmes francophones de l'Ontario qui vivent de la violence",
             "hours": "24 heures sur 24",
             "how": "Une intervenante vous répond en français, vous écoute et vous dirige vers les services de votre région (ATS : 1 866 860-7082).",
             "call": "+18773362433", "call_label": "1 877 336-2433",
             "source": "http://www.mcss.gov.on.ca/fr/mcss/about/stories/vaw_sudbury.aspx"},
            # Source: http://www.ovc.gov.on.ca/resources-for-victims/?lang=fr
            # (« La Ligne d'aide aux victimes (LAV) est une ligne d'information sans frais, bilingue » ...
            # « disponible 24 heures sur 24, 7 jours sur 7 » ... « Sans frais : 1 888 579-2888 »).
            {"name": "Ligne d'aide aux victimes",
             "group": "violence",
             "serves": "Toute personne en Ontario blessée par un acte criminel, y compris par un partenaire ou un membre de la famille",
             "hours": "24 h sur 24, 7 jours sur 7",
             "how": "Une personne formée vous écoute, en français ou en anglais, et vous indique les services d'aide aux victimes près de chez vous.",
             "call": "+18885792888", "call_label": "1 888 579-2888",
             "url": "https://www.ontario.ca/fr/page/office-des-affaires-des-victimes-dactes-criminels",
             "source": "http://www.ovc.gov.on.ca/resources-for-victims/?lang=fr"},
            # Source: https://equalitycanada.com/fundraiser-to-open-calgarys-first-mens-centre-reaches-halfway-point/
            # (2018 : « 1-844-900-CCMF (2263) »; aucune heure indiquée). Pas de nom français publié.
            {"name": "Canadian Centre for Men and Families",
             "group": "more",
             "serves": "Les hommes, y compris ceux qui vivent de la violence de leur partenaire",
             "hours": "Heures de bureau seulement, pas 24 h sur 24",
             "how": "Appelez pendant les heures de bureau pour du counseling ou un groupe de soutien pour hommes qui vivent de la violence.",
             "call": "+18449002263", "call_label": "1 844 900-2263",
             "url": "https://menandfamilies.org/",
             "source": "https://equalitycanada.com/fundraiser-to-open-calgarys-first-mens-centre-reaches-halfway-point/"},
            # Source: https://translifeline.org/linea-directa/?lang=es
            # ("Canadá (877) 330-6366"; "oprime el #2 para conectarte con operadorxs que hablan español").
            # Aucune heure indiquée; la ligne n'est pas ouverte 24 h sur 24.
            {"name": "Trans Lifeline",
             "group": "more",
             "serves": "Les personnes trans ou en questionnement au Canada",
             "hours": "Certaines heures seulement; voyez le site Web",
             "how": "Une personne trans vous écoute, en anglais ou en espagnol, même si vous n'êtes pas en crise, et n'appelle pas le 911 sans votre accord.",
             "call": "+18773306366", "call_label": "1 877 330-6366",
             "url": "https://translifeline.org/",
             "source": "https://translifeline.org/linea-directa/?lang=es"},
            # Source: https://www.globenewswire.com/news-release/2025/11/04/3180053/0/fr/Lancement-d-un-nouveau-service-de-counseling-gratuit-en-Ontario-pour-aider-les-hommes-%C3%A0-obtenir-du-soutien-avant-que-la-crise-ne-frappe.html
            # (communiqué de 211 Ontario et de Family Service Ontario, 2025 : « Disponible 24 heures sur 24,
            # 7 jours sur 7 » ... « En composant le 2-1-1, les hommes peuvent parler immédiatement à un
            # clinicien qualifié »).
            {"name": "211 Ontario : Lien de soutien pour hommes",
             "group": "more",
             "serves": "Les hommes de l'Ontario",
             "hours": "24 h sur 24, 7 jours sur 7",
             "how": "Si vous vous inquiétez de votre propre comportement envers votre partenaire, composez le 2-1-1 et demandez le Lien de soutien pour hommes pour parler tout de suite à une conseillère ou un conseiller.",
             "call": "211", "call_label": "2-1-1",
             "url": "https://211ontario.ca/",
             "source": "https://www.globenewswire.com/news-release/2025/11/04/3180053/0/fr/Lancement-d-un-nouveau-service-de-counseling-gratuit-en-Ontario-pour-aider-les-hommes-%C3%A0-obtenir-du-soutien-avant-que-la-crise-ne-frappe.html"},
            # Source: https://988.ca/fr/les-modalites-et-conditions-pour-le-service
            # (CAMH, 2024 : « ligne d'écoute nationale, accessible 24 heures sur 24, 7 jours sur 7 » ...
            # « Vous pouvez appeler ou envoyer un texto au 9‑8‑8, sans frais, à tout moment, pour obtenir une
            # assistance en français ou en anglais »).
            {"name": "9-8-8 : Ligne d'aide en cas de crise de suicide",
             "group": "more",
             "serves": "Toute personne au Canada",
             "hours": "24 h sur 24, 7 jours sur 7",
             "how": "Appelez ou textez le 9-8-8 si vous pensez au suicide ou si vous vous inquiétez pour quelqu'un; une personne formée vous écoute, en français ou en anglais.",
             "call": "988", "call_label": "9-8-8",
             "text": "988", "text_label": "9-8-8",
             "url": "https://988.ca/fr",
             "source": "https://988.ca/fr/les-modalites-et-conditions-pour-le-service"},
            # Source: http://org.kidshelpphone.ca/fr/about-us/faqs/
            # (vers 2007 : « Jeunesse, J'écoute (1 800 668-6868 / www.jeunessejecoute.ca) » ... « 24 heures
            # sur 24, 365 jours par année »). Textos : https://kidshelpphone.ca/text-about-it/ (« text
            # CONNECT to 686868 »); le mot français TEXTO n'a été vu que dans des articles de presse (2018).
            {"name": "Jeunesse, J'écoute",
             "group": "more",
             "serves": "Les jeunes au Canada",
             "hours": "24 h sur 24, 365 jours par année",
             "how": "Appelle le 1 800 668-6868 ou texte CONNECT au 686868 pour parler à quelqu'un qui t'écoute, peu importe le problème.",
             "call": "+18006686868", "call_label": "1 800 668-6868",
             "text": "686868", "text_label": "686868", "text_body": "CONNECT",
             "url": "https://jeunessejecoute.ca/",
             "source": "http://org.kidshelpphone.ca/fr/about-us/faqs/"},
            # Source: https://www.awhl.org/covid-19
            # ("our 24/7 crisis counselling for women and seniors in the province of Ontario"; 2020).
            # Ses numéros n'étaient sur aucune copie de ses propres pages : site Web seulement.
            {"name": "Assaulted Women's Helpline",
             "group": "more",
             "serves": "Les femmes de l'Ontario",
             "hours": "24 h sur 24, 7 jours sur 7",
             "how": "Des conseillères parlent avec les femmes qui vivent de la violence, jour et nuit; son site Web donne les numéros à composer.",
             "url": "https://www.awhl.org/",
             "source": "https://www.awhl.org/covid-19"},
            # Source: https://sheltersafe.ca/about-shelters/
            # ("Most shelters on this site have staff available 24/7 to answer your call. You DO NOT
            # need to stay in a shelter to get help.")
            {"name": "ShelterSafe",
             "group": "more",
             "serves": "Les femmes et les enfants partout au Canada",
             "hours": "La plupart des maisons répondent 24 h sur 24, 7 jours sur 7",
             "how": "Une carte des maisons d'hébergement pour les femmes et les enfants qui fuient la violence; vous pouvez appeler une maison juste pour parler, sans y rester.",
             "url": "https://sheltersafe.ca/",
             "source": "https://sheltersafe.ca/about-shelters/"},
        ],
    },
    "US": {
        "en": [
            # Source: https://www.frederickcountymd.gov/8479/Calling-9-1-1-What-to-Expect
            # (a county 9-1-1 centre: "24 hours a day, every day of the year, from any working telephone").
            {"name": "911",
             "group": "emergency",
             "serves": "Anyone in danger right now",
             "hours": "24/7",
             "how": "Call 911 now if you are in danger or hurt; the dispatcher sends police, fire or an ambulance.",
             "call": "911", "call_label": "911",
             "source": "https://www.frederickcountymd.gov/8479/Calling-9-1-1-What-to-Expect"},
            # Source: https://ovc.ojp.gov/news/grantee-news/national-domestic-violence-hotline-answers-6-million-contacts
            # (U.S. Department of Justice, which funds it, 2022: "available 24/7/365" ... "call 800–799–SAFE
            # (7233), TTY 800–787–3224, text "START" to 88788"). It also talks with callers "concerned
            # about behaviors that may be unhealthy": http://www.thehotline.org/tag/referrals/
            {"name": "National Domestic Violence Hotline",
             "group": "violence",
             "serves": "Anyone in the US affected by relationship abuse",
             "hours": "24/7",
             "how": "An advocate listens, gives support and connects you with help; they also talk with people worried about their own behaviour.",
             "call": "+18007997233", "call_label": "1-800-799-7233",
             "text": "88788", "text_label": "88788", "text_body": "START",
             "url": "https://www.thehotline.org/",
             "source": "https://ovc.ojp.gov/news/grantee-news/national-domestic-violence-hotline-answers-6-million-contacts"},
            # Source: https://stronghearts.me/about
            # ("Call 1-844-762-8483 / Or Text 24/7" ... "If you send a text, you will immediately receive a
            # response notification that you will be texted back from a secondary number.")
            {"name": "StrongHearts Native Helpline",
             "group": "violence",
             "serves": "Native American and Alaska Native people facing abuse",
             "hours": "24/7",
             "how": "An advocate who knows Native cultures answers your call or text, gives support and connects you with help.",
             "call": "+18447628483", "call_label": "1-844-762-8483",
             "text": "+18447628483", "text_label": "1-844-762-8483",
             "source": "https://stronghearts.me/about"},
            # Source: https://www.loveisrespect.org/content/august-2015/
            # ("our advocates are always here" ... "Just call 1-866-331-9474, chat at www.loveisrespect.org
            # or text loveis to 22522"; 2015).
            {"name": "love is respect",
             "group": "violence",
             "serves": "Teens and young adults worried about a dating relationship",
             "hours": "Any time",
             "how": "Call, or text LOVEIS to 22522, to talk with an advocate about a relationship that scares you.",
             "call": "+18663319474", "call_label": "1-866-331-9474",
             "text": "22522", "text_label": "22522", "text_body": "LOVEIS",
             "url": "https://www.loveisrespect.org/",
             "source": "https://www.loveisrespect.org/content/august-2015/"},
            # Source: https://translifeline.org/linea-directa/?lang=es
            # ("EE.UU. (877) 565-8860"). The page shows no hours; the line is not 24/7.
            {"name": "Trans Lifeline",
             "group": "more",
             "serves": "Trans and questioning people in the US",
             "hours": "Some hours only; check the website",
             "how": "A trans person answers and listens, even if you are not in crisis, and will not call 911 unless you ask.",
             "call": "+18775658860", "call_label": "1-877-565-8860",
             "url": "https://translifeline.org/",
             "source": "https://translifeline.org/linea-directa/?lang=es"},
            # Source: https://avp.org/blog/page/3/
            # ("our free bilngual national hotline at 212-714-1141"; 2020) and
            # https://avp.org/2021/12/09/building-community-safety-during-rise-of-hate-violence ("our 24/7
            # bilingual English/Spanish hotline"; 2021).
            {"name": "Anti-Violence Project",
             "group": "more",
             "serves": "LGBTQ+ and HIV-affected people facing violence, including from a partner",
             "hours": "24/7",
             "how": "Call to talk with a counsellor in English or Spanish about violence from a partner or anyone else.",
             "call": "+12127141141", "call_label": "212-714-1141",
             "url": "https://avp.org/",
             "source": "https://avp.org/blog/page/3/"},
            # Source: https://health.wyo.gov/publichealth/prevention/wivpp/suicide-prevention/988-suicide-crisis-lifeline
            # (a state health department: "988 is free, confidential, and available 24/7. Simply call or
            # text 988").
            {"name": "988 Suicide & Crisis Lifeline",
             "group": "more",
             "serves": "Anyone in the US",
             "hours": "24/7",
             "how": "Call or text 988 if you are thinking about suicide or are in deep distress; a trained counselor listens.",
             "call": "988", "call_label": "988",
             "text": "988", "text_label": "988",
             "url": "https://988lifeline.org/",
             "source": "https://health.wyo.gov/publichealth/prevention/wivpp/suicide-prevention/988-suicide-crisis-lifeline"},
        ],
    },
}
