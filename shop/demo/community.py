"""The demo's community board: actors ask, look for raw material, recommend and announce a
talk; others answer (one names a store, "@dulces-guayabita"), find answers useful, and
askers accept one; a member follows a sector and a province for the weekly digest.
Created once."""

from django.contrib.auth import get_user_model

from logistics.models import Province
from shop.community.models import Post
from shop.community.services import (
    board_following_save,
    post_create,
    reply_accept,
    reply_create,
    reply_vote_useful,
)
from vendors.models import Sector

User = get_user_model()

# (author, kind, sector slug, province, title, body, [(author, reply)], accepted reply index)
POSTS = (
    (
        "compras.panaderia@encadena.test",
        "pregunta",
        "alimentos-y-bebidas",
        "La Habana",
        "¿Quién vende bolsas de papel para pan en La Habana?",
        "Necesitamos unas 2 000 bolsas al mes, de papel kraft, para pan de 500 g.",
        [
            (
                "compras.guayabita@encadena.test",
                "Nosotros las compramos a un taller de Marianao; le paso el contacto por la "
                "tienda. Piden el pedido con una semana de antelación.",
            ),
            ("compras.espiga@encadena.test", "En Artemisa hay una cooperativa que las hace."),
        ],
        0,
    ),
    (
        "compras.sabores@encadena.test",
        "busco",
        "alimentos-y-bebidas",
        "Matanzas",
        "Busco guayaba para mermelada",
        "Unos 300 kg al mes, madura, con entrega en Matanzas.",
        [
            (
                "compras.ccs@encadena.test",
                "Nuestra CCS cosecha guayaba desde agosto. Pregunte también a "
                "@dulces-guayabita, que hace mermelada en Pinar del Río.",
            )
        ],
        None,
    ),
    (
        "compras.casona@encadena.test",
        "curso",
        "",
        "Cienfuegos",
        "Charla: cómo fotografiar sus productos con el teléfono",
        "Sábado a las 10:00 en la sede del proyecto, entrada libre. Traiga su teléfono.",
        [],
        None,
    ),
    (
        "compras.serrano@encadena.test",
        "recomiendo",
        "",
        "Santiago de Cuba",
        "Recomiendo anotar los costos de cada lote",
        "Desde que anotamos cada lote sabemos qué precio cubre los costos de verdad.",
        [
            (
                "compras.tinajon@encadena.test",
                "Muy útil; nosotros lo hacemos en una hoja de cálculo.",
            )
        ],
        None,
    ),
)


def demo_community_seed() -> int:
    """Returns how many posts the demo board has."""
    users = {user.email: user for user in User.objects.filter(email__endswith="@encadena.test")}
    board_following_save(
        user=users["compras.sabores@encadena.test"],
        sectors=Sector.objects.filter(slug="alimentos-y-bebidas"),
        provinces=Province.objects.filter(name="Matanzas"),
        sms_phone="",
    )
    if Post.objects.filter(author__email__endswith="@encadena.test").exists():
        return Post.objects.count()
    for author, kind, sector, province, title, body, replies, accepted in POSTS:
        post = post_create(
            author=users[author],
            kind=kind,
            title=title,
            body=body,
            sector=Sector.objects.filter(slug=sector).first() if sector else None,
            province=Province.objects.filter(name=province).first(),
        )
        written = [
            reply_create(author=users[who], post_id=post.pk, body=text) for who, text in replies
        ]
        for reply in written:
            reply_vote_useful(user=users[author], reply_id=reply.pk)
        if accepted is not None:
            reply_accept(user=users[author], reply_id=written[accepted].pk)
    return Post.objects.count()
