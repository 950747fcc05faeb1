"""A lesson's Markdown is shown as safe HTML: raw HTML and scripts stay text, links only to
web, mail and phone addresses, pictures only the lesson's own."""

from dataclasses import dataclass

from shop.classroom.lesson_text import lesson_html


@dataclass
class Picture:
    pk: int = 7
    width: int = 800
    height: int = 600


def html(body: str) -> str:
    return lesson_html(
        body=body, pictures={7: Picture()}, picture_source=lambda picture: "/media/foto.jpg"
    )


def test_markdown_becomes_headings_lists_and_links_one_level_below_the_page_title():
    assert html("# Luz\n\n- ventana\n- **sombra**\n\n[Guía](https://encadena.cu/)") == (
        "<h2>Luz</h2>\n<ul>\n<li>ventana</li>\n<li><strong>sombra</strong></li>\n</ul>\n"
        '<p><a href="https://encadena.cu/" rel="noopener noreferrer nofollow">Guía</a></p>\n'
    )


def test_raw_html_and_scripts_never_pass():
    rendered = html(
        '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n'
        '<a href="javascript:alert(3)">x</a> <iframe src="https://evil.test"></iframe>'
    )

    assert "<script" not in rendered and "<img" not in rendered and "<iframe" not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert "<a " not in rendered


def test_dangerous_link_schemes_are_not_links():
    rendered = html("[a](javascript:alert(1)) [b](data:text/html,x) [c](vbscript:x) [d](tel:+5355)")

    assert rendered.count("<a ") == 1
    assert 'href="tel:+5355"' in rendered


def test_only_the_lessons_own_pictures_show_others_become_their_description():
    rendered = html(
        '![Frasco en la ventana](foto:7) ![Ajena](https://evil.test/x.png) ![x" onload="y](foto:8)'
    )

    assert rendered == (
        '<p><img src="/media/foto.jpg" alt="Frasco en la ventana" width="800" height="600" '
        'loading="lazy"> <em>Ajena</em> <em>x" onload="y</em></p>\n'
    )
