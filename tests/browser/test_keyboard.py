"""Keyboard-only readers reach every link with Tab, and see where they are."""

import pytest


def page_path(newsroom, name: str) -> str:
    return {"home": "/", "article": newsroom.article.get_absolute_url()}[name]


def tab_through(page):
    """Press Tab until focus leaves the page; return the indexes of the links focused."""
    total = page.evaluate(
        """() => {
            const links = Array.from(document.querySelectorAll("a[href]"));
            links.forEach((link, index) => { link.dataset.tabIndexCheck = index; });
            return links.length;
        }"""
    )
    focusable = page.evaluate(
        "document.querySelectorAll('a[href], input, button, [tabindex]:not([tabindex=\"-1\"])')"
        ".length"
    )
    reached, outlines = set(), []
    for _ in range(focusable + 2):
        page.keyboard.press("Tab")
        state = page.evaluate(
            """() => {
                const element = document.activeElement;
                if (!element || element === document.body) return null;
                const box = element.getBoundingClientRect();
                return {
                    index: element.dataset.tabIndexCheck,
                    outline: getComputedStyle(element).outlineStyle,
                    visible: box.width > 0 && box.height > 0,
                };
            }"""
        )
        if state is None:
            break
        if state["index"] is not None:
            reached.add(int(state["index"]))
            outlines.append(state)
    return total, reached, outlines


@pytest.mark.parametrize("name", ["home", "article"])
def test_tab_reaches_every_link_with_a_visible_focus(newsroom_site, newsroom, page, name):
    """Tab visits every link on the page, each shown on screen with a focus outline."""
    page.goto(f"{newsroom_site}{page_path(newsroom, name)}")
    total, reached, outlines = tab_through(page)
    assert total > 20
    assert reached == set(range(total))
    assert all(state["visible"] for state in outlines)
    assert all(state["outline"] != "none" for state in outlines)
