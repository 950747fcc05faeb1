"""Charts drawn on the server: the geometry of small SVG bar charts, computed here and
written out by templates/linkages/_bars.html. No script and no chart library: a phone
shows them as they arrive, and a screen reader reads the table beside each."""

from dataclasses import dataclass

BAR_HEIGHT = 22
BAR_GAP = 8
WIDTH = 320  # viewBox units; the SVG scales to the screen


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    text: str  # the value as the page writes it
    x: int
    y: int
    width: int
    height: int
    label_y: int


@dataclass(frozen=True)
class BarChart:
    title: str
    bars: tuple[Bar, ...]
    width: int
    height: int
    vertical: bool


def horizontal_bars(*, title: str, items: list[tuple[str, int, str]]) -> BarChart:
    """One bar per (label, value, text), longest first as given, its label above it."""
    top = max((value for _, value, _ in items), default=0) or 1
    bars = []
    y = 0
    for label, value, text in items:
        width = max(2, round((WIDTH - 60) * value / top)) if value else 0
        bars.append(
            Bar(
                label=label,
                value=value,
                text=text,
                x=0,
                y=y + 16,
                width=width,
                height=BAR_HEIGHT - 8,
                label_y=y + 12,
            )
        )
        y += 16 + BAR_HEIGHT
    return BarChart(title=title, bars=tuple(bars), width=WIDTH, height=max(y, 1), vertical=False)


def vertical_bars(*, title: str, items: list[tuple[str, int, str]], height: int = 140) -> BarChart:
    """Columns over time (months), labels under them, values on top."""
    top = max((value for _, value, _ in items), default=0) or 1
    count = max(len(items), 1)
    slot = WIDTH // count
    plot = height - 34
    bars = []
    for index, (label, value, text) in enumerate(items):
        bar_height = max(2, round(plot * value / top)) if value else 0
        bars.append(
            Bar(
                label=label,
                value=value,
                text=text,
                x=index * slot + 3,
                y=16 + plot - bar_height,
                width=max(slot - 6, 2),
                height=bar_height,
                label_y=height - 4,
            )
        )
    return BarChart(title=title, bars=tuple(bars), width=WIDTH, height=height, vertical=True)


@dataclass(frozen=True)
class Cell:
    x: int
    y: int
    value: int
    shade: int  # 0 (none) to 4
    title: str


@dataclass(frozen=True)
class Heading:
    x: int
    y: int
    short: str
    name: str


@dataclass(frozen=True)
class MatrixChart:
    size: int
    width: int
    height: int
    columns: tuple[Heading, ...]
    rows: tuple[Heading, ...]
    cells: tuple[Cell, ...]


def matrix_grid(*, names: list[tuple[str, str]], counts: dict[tuple[int, int], int]) -> MatrixChart:
    """A square grid, one row and one column per (short label, name), a cell for each
    (row, column) index with its count, darker as the count grows."""
    count = len(names)
    size = WIDTH // (count + 1) if count else WIDTH
    top = max(counts.values(), default=0) or 1
    headings = [(index, short, name) for index, (short, name) in enumerate(names)]
    return MatrixChart(
        size=size,
        width=size * (count + 1),
        height=size * (count + 1),
        columns=tuple(
            Heading(x=size * (index + 1) + size // 2, y=size - 4, short=short, name=name)
            for index, short, name in headings
        ),
        rows=tuple(
            Heading(x=2, y=size * (index + 1) + size // 2 + 3, short=short, name=name)
            for index, short, name in headings
        ),
        cells=tuple(
            Cell(
                x=size * (column + 1),
                y=size * (row + 1),
                value=value,
                shade=1 + 3 * value // top if value else 0,
                title=f"{names[row][1]} → {names[column][1]}: {value}",
            )
            for (row, column), value in sorted(counts.items())
        ),
    )
