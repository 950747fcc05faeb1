"""The text of "Vender en Encadena", in Spanish (usted), as Markdown."""

COURSE = {
    "slug": "vender-en-encadena",
    "title": "Vender en Encadena",
    "summary": (
        "Lo que una tienda nueva necesita para vender bien desde la primera semana: fotos "
        "que muestran el producto, precios que cubren los costos, entregas claras, facturas "
        "con NIT, cobros electrónicos y respuestas rápidas a solicitudes y mensajes. Seis "
        "lecciones cortas y una prueba de seis preguntas."
    ),
    "position": 1,
    "is_published": True,
    "is_first_course": True,
    "pass_mark": 70,
}

PHOTOS = """
Un comprador no puede tocar su producto: decide por la foto. Un teléfono corriente basta
para hacer fotos que venden si cuida cuatro cosas: la luz, el fondo, el encuadre y la
verdad.

## La luz

- Fotografíe de día, cerca de una ventana o a la sombra en el patio. La luz directa del sol
  quema los colores y hace sombras duras; la sombra abierta los muestra como son.
- Apague el flash. Aplana el producto y deja reflejos blancos en envases y botellas.
- Si la sombra queda muy oscura, ponga enfrente una cartulina blanca o un papel de aluminio:
  rebota la luz de la ventana hacia el producto.

## El fondo

- Un fondo liso y claro (una sábana, una cartulina, una pared blanca) hace que el producto
  se vea y que su tienda se vea ordenada. Use el mismo fondo para todos sus productos.
- Quite lo que sobra: cables, otras mercancías, la mesa de la cocina.

## El encuadre

- Limpie la lente del teléfono con un paño seco antes de empezar: una huella la empaña.
- El producto debe ocupar casi toda la foto. Acérquese en vez de usar el zoom digital.
- Haga una foto de frente, una de lado y una de detalle (la etiqueta, la costura, la
  textura). Encadena muestra primero la primera foto: que sea la mejor.
- Mantenga el teléfono recto y firme; apóyelo en un vaso o en una pila de libros.
- Muestre el tamaño: una mano que sostiene el frasco o una regla al lado evita devoluciones.

## La verdad

- No use filtros que cambien el color. Un dulce de guayaba que llega más claro que en la
  foto es un cliente descontento y una mala opinión.
- Fotografíe el producto que vende, no uno de internet: el comprador lo nota.

## Subir las fotos

En **Productos**, abra el producto y añada sus fotos. Encadena acepta PNG, JPEG, WebP o
GIF de hasta 2 MB y 4096 × 4096 píxeles; las vuelve a dibujar sin datos ocultos y las
envía reducidas al teléfono del comprador, así que no hace falta que usted las achique.
"Primeros pasos" le pide cinco productos con foto: es lo mínimo para que su tienda se vea
viva.
"""

PRICES = """
Un precio bien puesto cubre todo lo que le cuesta vender el producto y le deja una ganancia.
Si lo pone "a ojo", mirando al vecino, puede vender mucho y perder dinero.

## Sume sus costos por unidad

1. **Materia prima e insumos**: lo que gasta en una unidad. Si compra 10 kg de guayaba por
   1 500 CUP y salen 40 frascos, son 37,50 CUP por frasco.
2. **Envase y etiqueta**: el frasco, la tapa, la bolsa, la etiqueta.
3. **Mano de obra**: las horas de trabajo por unidad, a lo que paga (o se paga usted) la
   hora.
4. **Gastos fijos repartidos**: electricidad, gas, alquiler, teléfono, transporte,
   licencias. Divida el gasto del mes entre las unidades que hace en el mes.

Anote cada lote: cuánto compró, cuánto pagó y cuántas unidades salieron. Los precios de la
materia prima cambian; su hoja de costos debe cambiar con ellos.

## Añada lo que cuesta vender aquí

- **La comisión de Encadena** (8 % de la venta si su tienda no tiene otra tasa pactada)
  se descuenta de cada venta; la entrega no paga comisión.
- **El impuesto** si su negocio lo cobra: en **Facturas → Ajustes** indique el tipo, que
  va incluido en el precio.

## Calcule el precio

Precio = costo por unidad ÷ (1 − comisión − margen deseado).

Ejemplo: un frasco cuesta 95 CUP; con 8 % de comisión y un margen de 25 %:
95 ÷ (1 − 0,08 − 0,25) = 95 ÷ 0,67 ≈ **142 CUP**. Redondee a un precio fácil de leer,
por ejemplo 145 CUP.

## Precios para negocios

Si vende a cafeterías, panaderías u otras tiendas, en la página de cada producto la sección
"Condiciones mayoristas" le deja poner precios por volumen, una cantidad mínima y un
múltiplo (por caja de 12, por ejemplo). Un precio por volumen más bajo sigue teniendo que
cubrir el costo por unidad: bajan los gastos fijos por unidad, no la materia prima.

Revise sus precios cada mes o cuando cambie el costo de un insumo importante.
"""

DELIVERY = """
El comprador quiere saber, antes de pagar, si usted le entrega, cuánto le cuesta y cuándo
llega. Encadena se lo dice en el carrito con lo que usted configure.

## Zonas de entrega

En **Entregas → Zonas** cree una zona por cada precio de entrega distinto:

- Elija las **provincias** o los **municipios** que cubre la zona. Empiece por su municipio
  y los vecinos a los que llega su mensajero.
- Ponga un **precio fijo** y, si lo necesita, un **precio por kg**: para eso indique el peso
  de cada producto en su ficha (o en la columna `weight` del CSV).
- Un **pedido mínimo** evita viajes que no cubren el combustible.

Si una dirección queda en dos zonas, el comprador paga la más barata cuyo mínimo alcanza.
Cuando ninguna zona cubre la dirección, el carrito lo dice y el comprador puede elegir
recogida.

## Puntos de recogida

En **Entregas → Recogida** añada su local o taller con la dirección y el horario. Recoger
no cuesta nada al comprador y a usted le ahorra el viaje.

## Envío nacional

Para vender a otras provincias active la paquetería nacional en **Entregas → Nacional**. El
comprador ve el precio según el peso y la provincia de destino y la fecha estimada en días
hábiles. Usted entrega el paquete en la oficina de la paquetería de su provincia y el
seguimiento se actualiza solo.

## Cumpla lo que promete

- Acepte el pedido pronto y márquelo **listo** y **enviado** cuando lo esté: cada paso le
  llega al comprador por correo (y por SMS si lo pidió).
- Si entrega con su propio mensajero, dele el enlace firmado del pedido: desde su teléfono
  registra "recogido", "en camino" y "entregado" con el efectivo cobrado.
- Una entrega que se retrasa se avisa antes, no después.
"""

INVOICES = """
Cada vez que le pagan una parte de una compra, Encadena emite la factura **a nombre de su
negocio**, con su razón social, su dirección y su NIT. Usted no tiene que hacerla a mano,
pero sí tiene que dejar bien sus datos.

## El NIT

El NIT (Número de Identificación Tributaria) tiene **11 dígitos**, sin letras, espacios ni
guiones. Es el que aparece en su inscripción en la ONAT. Revíselo en **Perfil**: una factura
con el NIT equivocado no le sirve al comprador ni a usted.

## Los ajustes de facturación

En **Facturas → Ajustes** (solo la persona dueña de la tienda):

- **Series**: el prefijo de sus facturas y de sus notas de crédito. La numeración no tiene
  saltos: cada tienda, serie y año lleva su propio contador.
- **Impuesto**: el tipo que cobra, incluido en el precio. Si su negocio no lo cobra, déjelo
  vacío y no aparecerá ningún impuesto.
- **Tamaño del papel**: A4 o Carta, para cuando la imprima.

Guardar estos ajustes marca el paso "Cómo cobra" de sus Primeros pasos.

## Cuando el comprador es una empresa

Un comprador puede comprar **como empresa** y dar el nombre y el NIT de su entidad: la
factura sale a nombre de la empresa. Para una cafetería o una mipyme eso es lo que permite
justificar el gasto, así que muchas compras entre negocios dependen de ello.

## Devoluciones y reembolsos

Una factura emitida nunca cambia. Si reembolsa una parte, Encadena emite una **nota de
crédito** en su propia serie. En **Facturas** puede ver todas, descargar el periodo en CSV
para su contador o en un ZIP con los PDF.

Cualquiera puede comprobar una factura con el código QR impreso en ella: eso da confianza a
quien le compra por primera vez.
"""

PAYMENTS = """
Cada vez más compradores pagan desde el teléfono. Ofrecer pagos electrónicos le trae
ventas de otras provincias y le ahorra manejar efectivo.

## Cómo paga el comprador

- **EnZona** y **Transfermóvil**: después de hacer el pedido, el comprador ve un código QR,
  un enlace que abre la aplicación en su teléfono y un código corto con el que otra
  persona puede pagar por él (en Transfermóvil también por USSD). Cuando el pago se
  confirma, su parte del pedido le llega para prepararla.
- **Transferencia bancaria**: el comprador recibe los datos de la cuenta y una referencia;
  el pedido espera hasta que se confirma el dinero.
- **Pago contra entrega**: su mensajero cobra en la puerta. El efectivo lo cobra usted, así
  que la comisión de esa venta queda como deuda en su cuenta de Encadena.

## La cuenta del negocio

El dinero de las ventas de un negocio entra en **la cuenta bancaria del negocio** (la cuenta
fiscal del trabajador por cuenta propia o la cuenta corriente de la mipyme o la
cooperativa), nunca en la tarjeta personal de un socio o de un empleado. Lo exigen las
normas bancarias y tributarias para los actores económicos, y es lo que le permite
demostrar sus ingresos. Pregunte a su banco por la norma vigente si tiene dudas.

En Encadena:

- Por defecto el comprador paga a la cuenta de la plataforma y su **Cuenta** en el panel
  registra cada venta, la comisión y los reembolsos; los pagos a su tienda se hacen a la
  cuenta de su negocio.
- Si su negocio tiene contrato de comercio con EnZona o Transfermóvil, un operador puede
  registrar su identificador de comercio: las compras de solo su tienda llegan entonces
  directamente a la cuenta de su negocio.

## Buenas costumbres

- Nunca pida a un comprador que le pague "por fuera" a una tarjeta personal: pierde la
  protección del pedido, la factura y la opinión verificada.
- Revise su **Cuenta** cada semana: saldo, comisiones y efectivo cobrado.
- Un reembolso se hace desde el pedido, por el mismo medio con que se pagó.
"""

REQUESTS = """
Vender también es contestar. Los compradores preguntan antes de decidirse y los negocios
publican lo que necesitan; la tienda que responde primero y bien se queda con la venta.

## Las solicitudes "Busco"

Cuando un negocio publica que busca algo de su sector, en su provincia o que usted vende,
Encadena se lo avisa (un resumen diario por defecto, o al momento si lo elige en
**Solicitudes → Seguir**; también por SMS si lo pide).

Para responder bien una solicitud:

1. Lea la cantidad, la fecha en que lo necesitan y el municipio de entrega.
2. Si puede cumplir, envíe su **oferta**: precio por unidad, cantidad, plazo, validez y un
   mensaje corto que diga por qué su producto sirve. Si tiene el producto en su tienda,
   enlácelo.
3. Si solo puede una parte, ofrezca esa parte: el comprador puede repartir la compra.
4. Hasta que la acepten, puede cambiar o retirar su oferta.

Cuando la aceptan se convierte en un pedido normal, con su factura, su entrega y su cobro.
Su página muestra qué parte de las solicitudes responde y cuánto tarda en la primera
oferta: los compradores lo miran.

## Los mensajes

En **Mensajes** están las conversaciones con compradores sobre un producto, su tienda, una
oferta o un pedido. El número al lado de "Mensajes" son las respuestas sin leer.

- Conteste el mismo día, aunque sea para decir "lo consulto y le digo mañana".
- Responda lo que le preguntan: precio, existencia, plazo, forma de entrega.
- Sea cortés aunque el otro no lo sea. Si alguien ofende o intenta estafar, use
  **Reportar**: un operador lo revisa.
- Los teléfonos y correos escritos en un mensaje se ocultan hasta que haya una compra: así
  el trato queda protegido dentro de Encadena.

## Las opiniones

Después de cada entrega el comprador puede valorar la tienda. Responda públicamente a cada
opinión, también a las buenas; si una es ofensiva, puede pedir a un operador que la retire.
"""

LESSONS = (
    ("buenas-fotos", "Buenas fotos de sus productos con el teléfono", PHOTOS),
    ("precios-desde-costos", "Precios a partir de sus costos", PRICES),
    ("zonas-de-entrega", "Zonas de entrega y envío nacional", DELIVERY),
    ("facturas-y-nit", "Facturas y NIT", INVOICES),
    (
        "cobros-electronicos",
        "Cobros electrónicos: EnZona, Transfermóvil y la cuenta del negocio",
        PAYMENTS,
    ),
    ("solicitudes-y-mensajes", "Responder solicitudes y mensajes", REQUESTS),
)

# (question, answers, index of the right answer)
QUESTIONS = (
    (
        "¿Qué luz da las fotos más fieles de un producto?",
        (
            "El flash del teléfono, de noche",
            "La luz de una ventana o la sombra abierta, de día",
            "El sol directo del mediodía",
        ),
        1,
    ),
    (
        "Un frasco le cuesta 95 CUP. Con 8 % de comisión y un margen de 25 %, ¿qué precio "
        "cubre todo?",
        ("Unos 103 CUP", "Unos 119 CUP", "Unos 142 CUP"),
        2,
    ),
    (
        "Un comprador de otra provincia quiere su producto. ¿Qué le permite venderle?",
        (
            "Activar la paquetería nacional en Entregas",
            "Nada: Encadena solo vende dentro de la provincia",
            "Pedirle que venga a buscarlo",
        ),
        0,
    ),
    (
        "¿Cómo es un NIT bien escrito?",
        (
            "Con letras y guiones, como en el carné",
            "Exactamente 11 dígitos, sin espacios ni guiones",
            "El número de la licencia de la actividad",
        ),
        1,
    ),
    (
        "¿A qué cuenta deben entrar los cobros de su negocio?",
        (
            "A la tarjeta personal del dueño",
            "A la de cualquier empleado que tenga Transfermóvil",
            "A la cuenta bancaria del negocio",
        ),
        2,
    ),
    (
        "Un negocio busca 300 kg y usted puede entregar 100 kg. ¿Qué hace?",
        (
            "Ofrece los 100 kg con su precio y plazo",
            "No responde: no llega a la cantidad",
            "Le pide el teléfono para tratar por fuera",
        ),
        0,
    ),
)
