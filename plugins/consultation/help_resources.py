"""Default crisis and safety resources by region (HELP_REGION picks one).

Checked November 2026. A practice elsewhere sets HELP_RESOURCES in its
settings: {"REGION": [{"name", "how", "url" (optional), "tel" (optional)}]}.
"""

DEFAULT_HELP_RESOURCES = {
    "CA": [
        {"name": "Emergency services", "how": "Call 911 if you are in danger right now.", "tel": "911"},
        {"name": "9-8-8 Suicide Crisis Helpline", "how": "Call or text 988, any time, in English or French.", "tel": "988"},
        {"name": "Assaulted Women's Helpline (Ontario)", "how": "Call 1-866-863-0511, any time, free and confidential, in many languages.",
         "tel": "+18668630511", "url": "https://www.awhl.org/"},
        {"name": "ShelterSafe", "how": "Find a shelter or transition house near you anywhere in Canada.", "url": "https://www.sheltersafe.ca/"},
    ],
    "US": [
        {"name": "Emergency services", "how": "Call 911 if you are in danger right now.", "tel": "911"},
        {"name": "National Domestic Violence Hotline", "how": "Call 1-800-799-7233 or text START to 88788, any time.",
         "tel": "+18007997233", "url": "https://www.thehotline.org/"},
        {"name": "988 Suicide & Crisis Lifeline", "how": "Call or text 988, any time.", "tel": "988"},
    ],
}
