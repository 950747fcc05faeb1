"""Reading a page as a Spanish buyer would: English left in it, the familiar "tú",
Spanish gone wrong. Used by the tests that walk buyer pages and read our catalogue."""

import re
from html.parser import HTMLParser

# Words that are English and never Spanish (so "no", "total", "email" are not here).
ENGLISH = {
    "the",
    "your",
    "you",
    "yours",
    "we",
    "our",
    "is",
    "are",
    "was",
    "were",
    "been",
    "have",
    "this",
    "that",
    "these",
    "with",
    "without",
    "from",
    "for",
    "to",
    "of",
    "and",
    "or",
    "not",
    "now",
    "here",
    "there",
    "please",
    "sorry",
    "thanks",
    "thank",
    "welcome",
    "back",
    "view",
    "add",
    "added",
    "remove",
    "edit",
    "delete",
    "save",
    "saved",
    "submit",
    "cancel",
    "continue",
    "checkout",
    "shipping",
    "basket",
    "cart",
    "order",
    "orders",
    "item",
    "items",
    "product",
    "price",
    "page",
    "next",
    "previous",
    "search",
    "login",
    "logout",
    "sign",
    "register",
    "account",
    "password",
    "address",
    "name",
    "quantity",
    "available",
    "review",
    "reviews",
    "wishlist",
    "wish",
    "list",
    "toggle",
    "navigation",
    "dropdown",
    "found",
    "results",
    "result",
    "customer",
    "customers",
    "new",
    "more",
    "all",
    "any",
    "only",
    "yes",
    "which",
    "what",
    "who",
    "where",
    "when",
    "how",
    "can",
    "could",
    "will",
    "would",
    "should",
    "must",
    "it",
    "its",
    "they",
    "their",
    "my",
    "on",
    "at",
    "by",
    "an",
    "free",
    "alert",
    "alerts",
    "status",
    "details",
    "information",
    "description",
    "type",
    "choose",
    "select",
    "option",
    "method",
    "payment",
    "delivery",
    "pickup",
    "store",
    "shop",
    "summary",
    "profile",
    "history",
    "settings",
    "notifications",
    "inbox",
    "stock",
    "tax",
    "copies",
    "merged",
    "qualify",
    "voucher",
    "reorder",
    "re-order",
    "enter",
    "following",
    "used",
}
# The familiar register: pronouns, verbs in "tú", its imperatives.
FAMILIAR = {
    "tu",
    "tus",
    "tú",
    "te",
    "ti",
    "contigo",
    "tuyo",
    "tuya",
    "tuyos",
    "tuyas",
    "eres",
    "puedes",
    "tienes",
    "quieres",
    "debes",
    "necesitas",
    "deseas",
    "estás",
    "vas",
    "haz",
    "elige",
    "ingresa",
    "introduce",
    "añade",
    "agrega",
    "intenta",
    "regístrate",
    "asegúrate",
    "olvidaste",
    "hiciste",
    "añadiste",
    "recibirás",
    "podrás",
    "deberás",
    "tendrás",
    "sé",
    "accede",
    "imprime",
    "has",
}
# Spanish gone wrong in Oscar's own catalogue.
FAULTY = [
    re.compile(r"\b(?!1\b)\d+ disponible\b"),  # "23 disponible": a number agrees with its noun
    re.compile(r"\bQuién eres\b"),
    re.compile(r"\besta vacío\b"),
    re.compile(r"\bPrimer línea\b"),
    re.compile(r"\bcualquiera cosa\b"),
    re.compile(r"\bclonados\b"),
    re.compile(r"\bcanceladada\b"),
]
# Oscar's templates name the breadcrumb landmark "breadcrumb" (23 of them); a screen
# reader says it, no buyer sees it. Ours say "Ruta de navegación".
OSCAR_LANDMARK_LABELS = {"breadcrumb"}
SPOKEN_ATTRIBUTES = ("aria-label", "alt", "title", "placeholder")
ADDRESSES = re.compile(r"\S+@\S+|https?://\S+|/\S*")
# "se elige", "se añade": the impersonal third person, not "tú".
IMPERSONAL = re.compile(r"\bse (?:le |les |lo |la |los |las )?\w+", re.IGNORECASE)


class BuyerText(HTMLParser):
    """What a Spanish reader of the page meets, minus what is English by design."""

    SILENT = {"script", "style", "noscript"}
    VOID = {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }

    def __init__(self):
        super().__init__()
        self.pieces: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, silent: skipped with its children)

    @property
    def silent(self) -> bool:
        return any(silent for _tag, silent in self.stack)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        language = attributes.get("lang", "es")
        silent = tag in self.SILENT or not language.startswith("es")
        if not silent and not self.silent:
            for name in SPOKEN_ATTRIBUTES:
                value = attributes.get(name)
                if value and value not in OSCAR_LANDMARK_LABELS:
                    self.pieces.append(value)
            if tag == "input" and attributes.get("type") in ("submit", "button"):
                self.pieces.append(attributes.get("value") or "")
        if tag not in self.VOID:
            self.stack.append((tag, silent))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if not self.silent and data.strip():
            self.pieces.append(" ".join(data.split()))


def problems(html: str) -> list[str]:
    """Each piece of the page's Spanish text that has English, "tú" or faulty Spanish in
    it, with what was found."""
    reader = BuyerText()
    reader.feed(html)
    return text_problems(reader.pieces)


def text_problems(pieces, *, english: bool = True) -> list[str]:
    """The same for plain texts; `english=False` looks only for "tú" and faulty Spanish
    (a translation may name the CSV columns "sku, price, stock")."""
    found = []
    for piece in pieces:
        text = IMPERSONAL.sub(" ", ADDRESSES.sub(" ", piece))
        words = {word.lower() for word in re.findall(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", text)}
        hits = sorted((words & ENGLISH if english else set()) | (words & FAMILIAR))
        hits += [pattern.pattern for pattern in FAULTY if pattern.search(piece)]
        if hits:
            found.append(f"{piece!r}: {', '.join(hits)}")
    return found
