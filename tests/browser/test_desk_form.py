"""The article form in Chromium: nothing typed or chosen is lost, and it fits a phone."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from authors.models import Author
from images.models import Image
from tests.browser.test_editorial_flow import PASSWORD, log_in
from tests.factories import image_file, make_article_in_state, make_staff
from tests.images.test_metadata import agency_photo


@pytest.fixture
def reporter_site(newsroom_site, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    make_staff(role="Reporters", username="reporter", password=PASSWORD, name="Olena Roshchina")
    return newsroom_site


def watch_dialogs(page):
    dialogs = []

    def answer(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()  # stay on the page

    page.on("dialog", answer)
    return dialogs


def test_leaving_with_unsaved_text_asks_first(reporter_site, page):
    """Typing and then following a link asks before leaving; after saving, leaving is silent."""
    log_in(page, reporter_site, "reporter")
    page.goto(f"{reporter_site}/admin/articles/article/add/")
    page.wait_for_load_state("load")
    dialogs = watch_dialogs(page)
    page.fill("#id_title", "Night trains return")
    page.locator(".breadcrumbs a").first.click()
    page.wait_for_timeout(300)  # the prompt is answered by the handler above
    assert dialogs == ["beforeunload"]
    assert page.url.endswith("/admin/articles/article/add/")


def test_submitting_the_form_does_not_ask(reporter_site, newsroom, page):
    """Saving the form leaves the page without a prompt."""
    log_in(page, reporter_site, "reporter")
    page.goto(f"{reporter_site}/admin/articles/article/add/")
    page.wait_for_load_state("load")
    dialogs = watch_dialogs(page)
    page.fill("#id_title", "Night trains return")
    page.select_option("#id_section", label=newsroom.sections[0].name)
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    assert dialogs == []
    assert Article.objects.filter(title="Night trains return").exists()


def test_untouched_form_leaves_silently(reporter_site, page):
    """Opening the form and leaving it unchanged never asks."""
    log_in(page, reporter_site, "reporter")
    page.goto(f"{reporter_site}/admin/articles/article/add/")
    page.wait_for_load_state("load")
    dialogs = watch_dialogs(page)
    page.locator(".breadcrumbs a").first.click()
    page.wait_for_url(f"{reporter_site}/admin/")
    assert dialogs == []


def test_chosen_hero_image_survives_missing_alt_text(reporter_site, newsroom, page, tmp_path):
    """A hero image chosen with a form that fails (no alt text) is saved by the next submit."""
    photo = tmp_path / "platform.jpg"
    photo.write_bytes(image_file(size=(960, 540)).read())
    log_in(page, reporter_site, "reporter")
    page.goto(f"{reporter_site}/admin/articles/article/add/")
    page.fill("#id_title", "Night trains return")
    page.select_option("#id_section", label=newsroom.sections[0].name)
    page.set_input_files("#id_hero_image", str(photo))
    page.click("input[name=_continue]")
    page.wait_for_selector(".errornote")
    kept = page.locator(".field-hero_image img.pending-image")
    assert kept.evaluate("img => img.complete && img.naturalWidth === 960")
    page.fill("#id_hero_alt", "A metro train waiting at a platform")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    article = Article.objects.get(title="Night trains return")
    assert (article.hero_width, article.hero_height) == (960, 540)


def test_times_are_the_newsrooms_without_a_zone_note(reporter_site, browser):
    """In a browser two hours off the newsroom, the admin shows no time-difference note."""
    context = browser.new_context(timezone_id="Atlantic/Azores")
    page = context.new_page()
    log_in(page, reporter_site, "reporter")
    page.goto(f"{reporter_site}/admin/articles/article/add/")
    page.wait_for_load_state("load")
    assert page.locator(".timezonewarning").count() == 0
    context.close()


def test_change_form_layout(reporter_site, browser, newsroom, screenshot):
    """Headings are single bands (the panel below starts after the form); bylines fit a phone."""
    reporter = Author.objects.get(user__username="reporter")
    draft = make_article_in_state("draft", authors=[reporter], section=newsroom.sections[0])
    for width in [1366, 390]:
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        log_in(page, reporter_site, "reporter")
        page.goto(f"{reporter_site}/admin/articles/article/{draft.pk}/change/")
        page.wait_for_load_state("load")
        form_bottom = page.evaluate(
            "document.getElementById('article_form').getBoundingClientRect().bottom"
        )
        panel_top = page.evaluate(
            "document.querySelector('.workflow-panel').getBoundingClientRect().top"
        )
        assert panel_top >= form_bottom, "the panel's headings show through the form's gaps"
        byline = page.locator("#bylines-group")
        overflow = byline.evaluate("group => group.scrollWidth - group.clientWidth")
        assert overflow <= 1, f"bylines run {overflow}px off the screen at {width}px"
        screenshot(page, f"desk-reporter-draft-{width}")
        context.close()


def _reporter_draft_open(reporter_site, newsroom, browser, title):
    """The reporter's own new draft, open in its change page in a fresh browser context."""
    reporter = Author.objects.get(user__username="reporter")
    draft = make_article_in_state(
        "draft", authors=[reporter], section=newsroom.sections[0], title=title
    )
    url = f"{reporter_site}/admin/articles/article/{draft.pk}/change/"
    context = browser.new_context()
    page = context.new_page()
    log_in(page, reporter_site, "reporter")
    page.goto(url)
    page.wait_for_load_state("load")
    return context, page, draft, url


def test_autosaved_text_survives_a_closed_tab(reporter_site, newsroom, browser):
    """Text typed and autosaved, then the tab closed without saving, is offered back."""
    context, page, draft, url = _reporter_draft_open(reporter_site, newsroom, browser, "Tram fares")
    editor = page.locator(".field-body .ck-editor__editable")
    editor.click()
    with page.expect_response(lambda response: response.url.endswith("/autosave/")) as saved:
        page.keyboard.type("Fares rise to 15 hryvnias from March.")
    assert saved.value.ok
    assert "autosaved" in page.locator("#autosave-status").inner_text()
    page.close(run_before_unload=False)  # the tab is closed, nothing saved

    page = context.new_page()
    page.goto(url)
    offer = page.locator(".autosave-offer")
    assert "Fares rise to 15 hryvnias" in " ".join(offer.locator("ins").all_inner_texts())
    page.click("text=Restore the autosaved text")
    page.wait_for_load_state("load")
    body = page.locator(".field-body .ck-editor__editable")
    assert "Fares rise to 15 hryvnias from March." in body.inner_text()
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    assert "Fares rise to 15 hryvnias" in Article.objects.get(pk=draft.pk).body
    context.close()


def test_text_typed_offline_is_kept_and_sent_later(reporter_site, newsroom, browser):
    """Text typed while offline, tab then closed, is kept in the browser and sent when back."""
    context, page, draft, url = _reporter_draft_open(
        reporter_site, newsroom, browser, "Bridge repairs"
    )
    context.set_offline(True)
    page.fill("#id_title", "Bridge repairs delayed to May")
    page.wait_for_selector(".autosave-status--problem")
    page.close(run_before_unload=False)
    context.set_offline(False)

    page = context.new_page()
    page.goto(url)
    page.click("button.autosave-send")
    page.wait_for_url(url + "?autosave=restore")
    assert page.input_value("#id_title") == "Bridge repairs delayed to May"
    assert Article.objects.get(pk=draft.pk).title == "Bridge repairs"  # not saved until Save
    context.close()


def test_a_double_click_on_save_makes_one_article(reporter_site, newsroom, page):
    """Two quick clicks on Save: the page sends once, and one article is made."""
    log_in(page, reporter_site, "reporter")
    page.goto(f"{reporter_site}/admin/articles/article/add/")
    page.fill("#id_title", "Night trains return")
    page.select_option("#id_section", label=newsroom.sections[0].name)
    page.dblclick("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    assert Article.objects.filter(title="Night trains return").count() == 1


def test_a_chosen_agency_photo_fills_the_caption_before_saving(reporter_site, page, tmp_path):
    """The photo's own IPTC caption appears in the empty caption field, and its credit is
    shown, as soon as the file is chosen; nothing is saved by choosing it."""
    photo = tmp_path / "rescuers.jpg"
    photo.write_bytes(agency_photo().read())
    in_library = Image.objects.count()
    log_in(page, reporter_site, "reporter")
    page.goto(f"{reporter_site}/admin/articles/article/add/")
    page.set_input_files("#id_hero_image", str(photo))
    expect(page.locator("#id_hero_caption")).to_have_value("Rescuers at a damaged building in Kyiv")
    expect(page.locator(".photo-details")).to_contain_text("Olena Petrenko/Reuters")
    assert Image.objects.count() == in_library


def test_a_tag_typed_in_the_tags_box_is_created_on_save(reporter_site, newsroom, page):
    """A name no tag has, typed in the tags box, is offered, goes to "New tags" and is made."""
    log_in(page, reporter_site, "reporter")
    page.goto(f"{reporter_site}/admin/articles/article/add/")
    page.wait_for_load_state("load")
    page.fill("#id_title", "Night trains return")
    page.select_option("#id_section", label=newsroom.sections[0].name)
    for _ in range(2):  # the same name twice is one new tag
        page.locator(".field-tags .select2-selection").click()
        page.locator(".select2-container--open .select2-search__field").fill("Odesa port")
        page.locator(".select2-results__option", has_text="Odesa port").first.click()
    expect(page.locator("#id_new_tags")).to_have_value("Odesa port")
    assert page.locator("#id_tags option").count() == 0  # the box keeps only existing tags
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    article = Article.objects.get(title="Night trains return")
    assert [tag.name for tag in article.tags.all()] == ["Odesa port"]
