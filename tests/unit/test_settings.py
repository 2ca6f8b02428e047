"""Settings are checked at start-up and explained when wrong."""

import pytest

from consultation.campaign import campaign_url
from consultation.settings import SettingsError as ConsultationSettingsError
from consultation.settings import checked_settings as consultation_settings
from pelican.plugins.reflection_checklists.settings import DEFAULTS, SettingsError, checked_settings, extension_config

GOOD = {"CONSULTATION_URL": "https://booking.example.org/x"}


def test_checklist_defaults_fill_in_and_reach_the_extension():
    values = checked_settings({"CHECKLIST_DISCLAIMER": "Just for thinking."})
    assert values["CHECKLIST_DISCLAIMER"] == "Just for thinking."
    assert extension_config(values)["disclaimer"] == "Just for thinking."
    assert values["CHECKLIST_STORAGE_NAMESPACE"] == DEFAULTS["CHECKLIST_STORAGE_NAMESPACE"]


def test_a_misspelled_checklist_setting_is_named_with_a_suggestion():
    with pytest.raises(SettingsError, match="CHECKLIST_DISCLAIMR.*Did you mean CHECKLIST_DISCLAIMER"):
        checked_settings({"CHECKLIST_DISCLAIMR": "x"})


@pytest.mark.parametrize("value", ["", None, 3])
def test_checklist_texts_must_be_text(value):
    with pytest.raises(SettingsError, match="CHECKLIST_CLEAR_LABEL must be a non-empty text"):
        checked_settings({"CHECKLIST_CLEAR_LABEL": value})


def test_storage_namespace_must_be_simple():
    with pytest.raises(SettingsError, match="STORAGE_NAMESPACE"):
        checked_settings({"CHECKLIST_STORAGE_NAMESPACE": "my site:1"})


@pytest.mark.parametrize("url", ["https://booking.example.org/x", "mailto:hello@example.org", "tel:+15550100"])
def test_booking_url_may_be_https_mailto_or_tel(url):
    assert consultation_settings({"CONSULTATION_URL": url})["CONSULTATION_URL"] == url


@pytest.mark.parametrize("url", ["", "http://booking.example.org", "booking.example.org", "javascript:alert(1)"])
def test_a_bad_or_missing_booking_url_is_refused(url):
    with pytest.raises(ConsultationSettingsError, match="CONSULTATION_URL must be"):
        consultation_settings({"CONSULTATION_URL": url})


def test_help_region_must_have_resources():
    with pytest.raises(ConsultationSettingsError, match="HELP_REGION is 'UK' but there is no checked help list.*lists: CA-ON, US"):
        consultation_settings({**GOOD, "HELP_REGION": "UK"})


def test_a_whole_country_whose_services_are_provincial_is_refused():
    with pytest.raises(ConsultationSettingsError, match="help services in Canada are run by each province.*CA-ON"):
        consultation_settings({**GOOD, "HELP_REGION": "CA"})


def test_a_region_without_a_list_in_the_site_language_is_refused():
    with pytest.raises(ConsultationSettingsError, match=r"HELP_RESOURCES\['US'\] has no list in 'fr'"):
        consultation_settings({**GOOD, "HELP_REGION": "US", "DEFAULT_LANG": "fr"})


LINE = {"name": "Line", "how": "Call 999.", "source": "https://line.example.org/contact"}


@pytest.mark.parametrize("entry, message", [
    ({"name": "Line"}, "needs a `name` and a `how`"),
    ({**LINE, "source": ""}, "has no `source`"),
    ({**LINE, "call": "999"}, "`call` needs `call_label`"),
    ({**LINE, "call": "0800 123", "call_label": "0800 123"}, "write digits only"),
    ({**LINE, "group": "crisis"}, "`group` is 'crisis'"),
    ({**LINE, "url": "http://line.example.org"}, "`url` must start with https://"),
])
def test_own_help_resources_are_checked(entry, message):
    with pytest.raises(ConsultationSettingsError, match=message):
        consultation_settings({**GOOD, "HELP_REGION": "UK", "HELP_RESOURCES": {"UK": {"en": [entry]}}})


def test_own_help_resources_that_are_complete_are_used():
    values = consultation_settings({**GOOD, "HELP_REGION": "UK", "HELP_RESOURCES": {"UK": {"en": [LINE]}}})
    assert values["HELP_RESOURCES_FOR_REGION"] == [LINE]


def test_label_and_switches_are_checked():
    with pytest.raises(ConsultationSettingsError, match="CONSULTATION_LABEL"):
        consultation_settings({**GOOD, "CONSULTATION_LABEL": " "})
    with pytest.raises(ConsultationSettingsError, match="CAMPAIGN_PARAMETERS must be True or False"):
        consultation_settings({**GOOD, "CONSULTATION_CAMPAIGN_PARAMETERS": "yes"})
    with pytest.raises(ConsultationSettingsError, match="EXIT_URL"):
        consultation_settings({**GOOD, "EXIT_URL": "weather"})


def test_campaign_parameters_are_added_to_https_links_only():
    url = campaign_url("https://booking.example.org/x?lang=en&utm_source=old", "what-trust-is", "header")
    assert url == ("https://booking.example.org/x?lang=en&utm_source=website&utm_medium=cta"
                   "&utm_campaign=what-trust-is&utm_content=header")
    assert campaign_url("mailto:hello@example.org", "a", "b") == "mailto:hello@example.org"
    assert campaign_url("https://booking.example.org/x", "a", "b", enabled=False) == "https://booking.example.org/x"


def test_campaigns_are_off_unless_a_practice_turns_them_on():
    assert consultation_settings(GOOD)["CONSULTATION_CAMPAIGN_PARAMETERS"] is False


def test_the_individual_call_address_defaults_to_the_booking_address_and_is_checked():
    assert consultation_settings(GOOD)["INDIVIDUAL_CONSULTATION_URL"] == GOOD["CONSULTATION_URL"]
    own = consultation_settings({**GOOD, "INDIVIDUAL_CONSULTATION_URL": "tel:+15550100"})
    assert own["INDIVIDUAL_CONSULTATION_URL"] == "tel:+15550100"
    with pytest.raises(ConsultationSettingsError, match="INDIVIDUAL_CONSULTATION_URL must be"):
        consultation_settings({**GOOD, "INDIVIDUAL_CONSULTATION_URL": "http://booking.example.org/solo"})


def test_the_safety_message_can_be_set_for_the_whole_site():
    values = checked_settings({"CHECKLIST_SAFETY_MESSAGE": "Your safety comes first."})
    assert extension_config(values)["safety_message"] == "Your safety comes first."


def test_a_count_text_without_its_numbers_is_refused():
    with pytest.raises(SettingsError, match=r"CHECKLIST_COUNT_TEXT must keep \{ticked\} and \{total\}"):
        checked_settings({"CHECKLIST_COUNT_TEXT": "some ticked"})


def test_script_texts_are_settings_that_reach_the_markup():
    values = checked_settings({"CHECKLIST_CLEARED_TEXT": "Vos réponses ont été effacées."})
    assert extension_config(values)["cleared_text"] == "Vos réponses ont été effacées."


def test_the_ids_a_checklist_may_not_reuse_are_the_theme_templates_own():
    import re
    from pathlib import Path

    import pelicanconf

    templates = Path(__file__).resolve().parents[2] / "theme" / "templates"
    written = {found for path in templates.rglob("*.html")
               for found in re.findall(r'\bid="([^"{]+)"', path.read_text(encoding="utf-8"))}
    assert sorted(written) == sorted(pelicanconf.CHECKLIST_PAGE_IDS)
    values = checked_settings({"CHECKLIST_PAGE_IDS": pelicanconf.CHECKLIST_PAGE_IDS})
    assert extension_config(values)["page_ids"] == pelicanconf.CHECKLIST_PAGE_IDS
    with pytest.raises(SettingsError, match="CHECKLIST_PAGE_IDS must be a list of ids"):
        checked_settings({"CHECKLIST_PAGE_IDS": "main"})
