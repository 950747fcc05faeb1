"""The demo marketplace: believable Cuban stores, categories and products.

Plain data, read by `services.demo_marketplace_seed`. Prices are CUP.
"""

from dataclasses import dataclass
from decimal import Decimal

from payments.exceptions import UnknownGateway
from payments.interface import Capability
from payments.selectors import gateway_names_with

DEMO_PASSWORD = "encadena-demo"


@dataclass(frozen=True)
class DemoAccount:
    email: str
    first_name: str
    last_name: str
    role: str  # operator | shopper | vendor | callcenter


ACCOUNTS = (
    DemoAccount("operador@encadena.test", "Olga", "Operadora", "operator"),
    DemoAccount("comprador@encadena.test", "Carlos", "Comprador", "shopper"),
    DemoAccount("vendedor@encadena.test", "Vilma", "Vendedora", "vendor"),
    DemoAccount("agente@encadena.test", "Ángel", "Agente", "callcenter"),
)

CALLCENTER_GROUP = "callcenter"

# (top-level category, [(subcategory, colour of its images)])
CATEGORIES = {
    "Alimentos": [
        ("Café y cacao", "#6d4c41"),
        ("Conservas y dulces", "#c62828"),
        ("Cárnicos", "#ad1457"),
        ("Lácteos", "#90a4ae"),
        ("Panadería y repostería", "#ef6c00"),
        ("Bebidas", "#00838f"),
        ("Condimentos y especias", "#827717"),
    ],
    "Agricultura": [
        ("Viandas y hortalizas", "#558b2f"),
        ("Frutas", "#f9a825"),
        ("Granos", "#8d6e63"),
        ("Semillas y posturas", "#2e7d32"),
        ("Insumos agrícolas", "#4e342e"),
    ],
    "Materiales de construcción": [
        ("Áridos y cemento", "#757575"),
        ("Bloques y ladrillos", "#bf360c"),
        ("Carpintería", "#795548"),
        ("Herrería", "#37474f"),
        ("Pinturas", "#1565c0"),
    ],
    "Textiles y confecciones": [
        ("Ropa", "#6a1b9a"),
        ("Calzado", "#4527a0"),
        ("Ropa de cama y hogar", "#00695c"),
        ("Uniformes", "#283593"),
    ],
    "Artesanía": [
        ("Cerámica", "#d84315"),
        ("Fibras naturales", "#9e9d24"),
        ("Madera tallada", "#5d4037"),
        ("Bisutería", "#880e4f"),
    ],
    "Hogar": [
        ("Muebles", "#6d4c41"),
        ("Utensilios de cocina", "#455a64"),
        ("Limpieza", "#0277bd"),
    ],
    "Higiene y belleza": [
        ("Jabones", "#00897b"),
        ("Cosmética natural", "#c2185b"),
    ],
    "Servicios": [
        ("Transporte y mensajería", "#1a237e"),
        ("Reparaciones", "#e65100"),
        ("Diseño e impresión", "#311b92"),
        ("Eventos", "#b71c1c"),
    ],
}

SERVICE_TOP_LEVEL = "Servicios"

# subcategory -> [(product name, [presentations], (min price, max price))]
PRODUCTS = {
    "Café y cacao": [
        ("Café molido tostado medio", ["250 g", "500 g", "1 kg"], (450, 2200)),
        ("Café en grano de altura", ["500 g", "1 kg"], (900, 2600)),
        ("Cacao en polvo puro", ["200 g", "500 g"], (380, 900)),
        ("Chocolate de mesa", ["100 g", "250 g"], (220, 560)),
    ],
    "Conservas y dulces": [
        ("Mermelada de guayaba", ["250 g", "500 g"], (180, 420)),
        ("Dulce de coco rallado", ["300 g"], (200, 350)),
        ("Pasta de tomate", ["400 g", "1 kg"], (160, 480)),
        ("Casquitos de guayaba en almíbar", ["500 g"], (260, 400)),
        ("Miel de abejas", ["500 ml", "1 l"], (500, 1300)),
    ],
    "Cárnicos": [
        ("Chorizo artesanal", ["500 g", "1 kg"], (700, 1800)),
        ("Jamón ahumado", ["1 kg"], (1600, 2600)),
        ("Picadillo de res", ["1 kg"], (1200, 1900)),
        ("Lomo de cerdo", ["1 kg"], (1100, 1700)),
    ],
    "Lácteos": [
        ("Queso blanco fresco", ["500 g", "1 kg"], (600, 1600)),
        ("Yogur natural", ["1 l"], (250, 420)),
        ("Mantequilla", ["250 g"], (450, 700)),
        ("Queso gouda madurado", ["1 kg"], (1800, 2900)),
    ],
    "Panadería y repostería": [
        ("Pan de corteza dura", ["6 unidades", "12 unidades"], (120, 300)),
        ("Galletas de sal", ["300 g"], (150, 260)),
        ("Panetela borracha", ["porción familiar"], (600, 950)),
        ("Cake de cumpleaños", ["8 porciones", "16 porciones"], (1800, 4200)),
    ],
    "Bebidas": [
        ("Jugo natural de mango", ["1 l"], (180, 320)),
        ("Refresco de malta", ["caja de 24"], (2400, 3600)),
        ("Guarapo embotellado", ["1 l"], (90, 180)),
        ("Vino de frutas tropicales", ["750 ml"], (600, 1100)),
    ],
    "Condimentos y especias": [
        ("Sazón completo criollo", ["100 g", "250 g"], (90, 240)),
        ("Vinagre de plátano", ["500 ml"], (80, 160)),
        ("Ajo en pasta", ["250 g"], (160, 300)),
        ("Comino molido", ["50 g"], (70, 140)),
    ],
    "Viandas y hortalizas": [
        ("Boniato", ["saco de 10 kg"], (600, 1100)),
        ("Yuca fresca", ["saco de 10 kg"], (700, 1200)),
        ("Tomate de ensalada", ["caja de 5 kg"], (500, 950)),
        ("Ají cachucha", ["1 kg"], (150, 320)),
        ("Calabaza", ["por unidad"], (120, 260)),
    ],
    "Frutas": [
        ("Mango bizcochuelo", ["caja de 5 kg"], (600, 1200)),
        ("Naranja dulce", ["saco de 10 kg"], (700, 1300)),
        ("Guayaba del Perú", ["caja de 5 kg"], (450, 800)),
        ("Piña española roja", ["por unidad", "docena"], (120, 1300)),
        ("Fruta bomba (papaya)", ["por unidad"], (150, 300)),
    ],
    "Granos": [
        ("Frijol negro", ["1 kg", "saco de 25 kg"], (350, 8000)),
        ("Arroz consumo", ["1 kg", "saco de 25 kg"], (250, 6000)),
        ("Maíz seco", ["saco de 25 kg"], (3000, 5200)),
    ],
    "Semillas y posturas": [
        ("Posturas de tomate", ["bandeja de 100"], (300, 600)),
        ("Semilla de frijol certificada", ["1 kg"], (500, 900)),
        ("Posturas de aguacate injertado", ["por unidad"], (250, 500)),
        ("Semilla de maíz híbrido", ["5 kg"], (1800, 3200)),
    ],
    "Insumos agrícolas": [
        ("Humus de lombriz", ["saco de 25 kg"], (600, 1100)),
        ("Abono orgánico compostado", ["saco de 40 kg"], (700, 1300)),
        ("Mochila fumigadora", ["16 l"], (4500, 7500)),
        ("Manguera de riego", ["rollo de 50 m"], (3800, 6500)),
    ],
    "Áridos y cemento": [
        ("Cemento gris P-35", ["saco de 42,5 kg"], (2200, 3200)),
        ("Arena lavada", ["m³"], (4000, 7000)),
        ("Gravilla", ["m³"], (4500, 7500)),
        ("Cal hidratada", ["saco de 20 kg"], (900, 1500)),
    ],
    "Bloques y ladrillos": [
        ("Bloque de hormigón de 15", ["por unidad", "paleta de 100"], (60, 6500)),
        ("Ladrillo de barro macizo", ["millar"], (9000, 15000)),
        ("Losa de piso de terrazo", ["m²"], (1100, 1900)),
    ],
    "Carpintería": [
        ("Puerta de madera maciza", ["80 x 210 cm"], (18000, 32000)),
        ("Ventana de persianas de cedro", ["100 x 120 cm"], (14000, 24000)),
        ("Tablas de pino cepillado", ["docena"], (4800, 8200)),
    ],
    "Herrería": [
        ("Reja de seguridad", ["100 x 120 cm"], (9000, 15000)),
        ("Angulares de acero", ["barra de 6 m"], (2200, 3800)),
        ("Bisagras reforzadas", ["par"], (300, 600)),
    ],
    "Pinturas": [
        ("Pintura de agua blanca", ["galón", "cubo de 4 galones"], (2500, 9500)),
        ("Esmalte sintético", ["galón"], (3500, 5800)),
        ("Impermeabilizante de techo", ["cubo de 4 galones"], (9000, 14000)),
    ],
    "Ropa": [
        ("Guayabera de lino", ["talla M", "talla L", "talla XL"], (2500, 4800)),
        ("Vestido de algodón estampado", ["talla S", "talla M"], (1800, 3500)),
        ("Pulóver de algodón", ["talla M", "talla L"], (800, 1500)),
    ],
    "Calzado": [
        ("Sandalias de cuero", ["talla 38", "talla 42"], (1800, 3200)),
        ("Zapatos de trabajo", ["talla 41", "talla 43"], (3500, 5600)),
    ],
    "Ropa de cama y hogar": [
        ("Juego de sábanas", ["cama personal", "cama camera"], (2800, 5200)),
        ("Toallas de baño", ["juego de 2"], (1400, 2400)),
        ("Mantel bordado", ["mesa de 6"], (1500, 2800)),
    ],
    "Uniformes": [
        ("Uniforme escolar", ["primaria", "secundaria"], (900, 1600)),
        ("Overol de trabajo", ["talla L"], (2200, 3400)),
        ("Bata sanitaria", ["talla única"], (900, 1500)),
    ],
    "Cerámica": [
        ("Tinajón decorativo", ["pequeño", "mediano"], (1200, 4800)),
        ("Juego de tazas de barro", ["6 piezas"], (1100, 2000)),
        ("Maceta esmaltada", ["20 cm", "30 cm"], (400, 1100)),
    ],
    "Fibras naturales": [
        ("Sombrero de yarey", ["talla única"], (600, 1200)),
        ("Cesta de guano tejida", ["mediana", "grande"], (500, 1300)),
        ("Jaba de henequén", ["por unidad"], (300, 600)),
    ],
    "Madera tallada": [
        ("Tabla de cortar de majagua", ["mediana"], (700, 1300)),
        ("Figura tallada de jutía", ["15 cm"], (900, 1800)),
        ("Caja joyero de cedro", ["por unidad"], (1200, 2200)),
    ],
    "Bisutería": [
        ("Collar de semillas de peonía", ["por unidad"], (300, 700)),
        ("Aretes de carey sintético", ["par"], (250, 600)),
        ("Pulsera de cuentas de coco", ["por unidad"], (200, 450)),
    ],
    "Muebles": [
        ("Sillón de madera y pajilla", ["por unidad"], (9000, 16000)),
        ("Mesa de comedor", ["4 puestos", "6 puestos"], (18000, 36000)),
        ("Cama de caoba", ["personal", "camera"], (22000, 42000)),
    ],
    "Utensilios de cocina": [
        ("Cazuela de aluminio fundido", ["3 l", "6 l"], (1500, 3800)),
        ("Pilón de madera", ["por unidad"], (700, 1300)),
        ("Juego de cucharones", ["3 piezas"], (600, 1100)),
    ],
    "Limpieza": [
        ("Detergente líquido", ["1 l", "galón"], (300, 1100)),
        ("Cloro", ["1 l"], (150, 280)),
        ("Escoba de millo", ["por unidad"], (250, 450)),
    ],
    "Jabones": [
        ("Jabón de glicerina y miel", ["100 g", "paquete de 4"], (120, 480)),
        ("Jabón de coco artesanal", ["150 g"], (140, 260)),
        ("Jabón de sábila", ["100 g"], (110, 220)),
    ],
    "Cosmética natural": [
        ("Aceite de coco virgen", ["250 ml"], (450, 800)),
        ("Crema hidratante de sábila", ["200 g"], (500, 900)),
        ("Champú de romero", ["500 ml"], (400, 750)),
    ],
    "Transporte y mensajería": [
        ("Mensajería dentro del municipio", ["hasta 5 kg"], (150, 300)),
        ("Flete de carga en camión", ["por viaje provincial"], (8000, 15000)),
        ("Envío interprovincial de paquetes", ["hasta 10 kg"], (900, 1800)),
    ],
    "Reparaciones": [
        ("Reparación de electrodomésticos", ["diagnóstico"], (300, 600)),
        ("Mantenimiento de aire acondicionado", ["por equipo"], (1500, 2800)),
        ("Reparación de calzado", ["por par"], (200, 500)),
    ],
    "Diseño e impresión": [
        ("Diseño de logotipo", ["paquete básico"], (3000, 6000)),
        ("Impresión de volantes", ["millar"], (2500, 4500)),
        ("Etiquetas para envases", ["millar"], (3500, 6000)),
    ],
    "Eventos": [
        ("Servicio de catering", ["por persona"], (600, 1200)),
        ("Decoración de fiestas", ["paquete"], (4000, 9000)),
        ("Fotografía de eventos", ["4 horas"], (5000, 9000)),
    ],
}


# What one unit weighs (kg), where its presentation ("250 g", "saco de 10 kg", "1 l") does
# not say it or says a capacity rather than a weight. Delivery zones charge per kg.
WEIGHTS_KG = {
    ("Pan de corteza dura", "6 unidades"): "0.9",
    ("Pan de corteza dura", "12 unidades"): "1.8",
    ("Panetela borracha", "porción familiar"): "1.2",
    ("Cake de cumpleaños", "8 porciones"): "1.5",
    ("Cake de cumpleaños", "16 porciones"): "3",
    ("Refresco de malta", "caja de 24"): "9",
    ("Calabaza", "por unidad"): "3",
    ("Piña española roja", "por unidad"): "1.5",
    ("Piña española roja", "docena"): "18",
    ("Fruta bomba (papaya)", "por unidad"): "2",
    ("Posturas de tomate", "bandeja de 100"): "4",
    ("Posturas de aguacate injertado", "por unidad"): "3",
    ("Mochila fumigadora", "16 l"): "4.5",
    ("Manguera de riego", "rollo de 50 m"): "9",
    ("Arena lavada", "m³"): "1500",
    ("Gravilla", "m³"): "1600",
    ("Bloque de hormigón de 15", "por unidad"): "12",
    ("Bloque de hormigón de 15", "paleta de 100"): "1200",
    ("Ladrillo de barro macizo", "millar"): "2300",
    ("Losa de piso de terrazo", "m²"): "45",
    ("Puerta de madera maciza", "80 x 210 cm"): "40",
    ("Ventana de persianas de cedro", "100 x 120 cm"): "18",
    ("Tablas de pino cepillado", "docena"): "60",
    ("Reja de seguridad", "100 x 120 cm"): "25",
    ("Angulares de acero", "barra de 6 m"): "14",
    ("Bisagras reforzadas", "par"): "0.4",
    ("Pintura de agua blanca", "galón"): "5",
    ("Pintura de agua blanca", "cubo de 4 galones"): "20",
    ("Esmalte sintético", "galón"): "4.5",
    ("Impermeabilizante de techo", "cubo de 4 galones"): "22",
    ("Guayabera de lino", "talla M"): "0.3",
    ("Guayabera de lino", "talla L"): "0.3",
    ("Guayabera de lino", "talla XL"): "0.35",
    ("Vestido de algodón estampado", "talla S"): "0.3",
    ("Vestido de algodón estampado", "talla M"): "0.3",
    ("Pulóver de algodón", "talla M"): "0.2",
    ("Pulóver de algodón", "talla L"): "0.2",
    ("Sandalias de cuero", "talla 38"): "0.6",
    ("Sandalias de cuero", "talla 42"): "0.7",
    ("Zapatos de trabajo", "talla 41"): "1.4",
    ("Zapatos de trabajo", "talla 43"): "1.5",
    ("Juego de sábanas", "cama personal"): "1.2",
    ("Juego de sábanas", "cama camera"): "1.6",
    ("Toallas de baño", "juego de 2"): "1",
    ("Mantel bordado", "mesa de 6"): "0.6",
    ("Uniforme escolar", "primaria"): "0.4",
    ("Uniforme escolar", "secundaria"): "0.5",
    ("Overol de trabajo", "talla L"): "0.9",
    ("Bata sanitaria", "talla única"): "0.4",
    ("Tinajón decorativo", "pequeño"): "6",
    ("Tinajón decorativo", "mediano"): "15",
    ("Juego de tazas de barro", "6 piezas"): "1.5",
    ("Maceta esmaltada", "20 cm"): "1.5",
    ("Maceta esmaltada", "30 cm"): "3.5",
    ("Sombrero de yarey", "talla única"): "0.2",
    ("Cesta de guano tejida", "mediana"): "0.6",
    ("Cesta de guano tejida", "grande"): "1",
    ("Jaba de henequén", "por unidad"): "0.3",
    ("Tabla de cortar de majagua", "mediana"): "1.2",
    ("Figura tallada de jutía", "15 cm"): "0.5",
    ("Caja joyero de cedro", "por unidad"): "0.8",
    ("Collar de semillas de peonía", "por unidad"): "0.05",
    ("Aretes de carey sintético", "par"): "0.02",
    ("Pulsera de cuentas de coco", "por unidad"): "0.03",
    ("Sillón de madera y pajilla", "por unidad"): "12",
    ("Mesa de comedor", "4 puestos"): "30",
    ("Mesa de comedor", "6 puestos"): "45",
    ("Cama de caoba", "personal"): "55",
    ("Cama de caoba", "camera"): "80",
    ("Cazuela de aluminio fundido", "3 l"): "1.5",
    ("Cazuela de aluminio fundido", "6 l"): "2.5",
    ("Pilón de madera", "por unidad"): "2.5",
    ("Juego de cucharones", "3 piezas"): "0.4",
    ("Detergente líquido", "galón"): "4",
    ("Escoba de millo", "por unidad"): "0.6",
    ("Jabón de glicerina y miel", "paquete de 4"): "0.45",
}


@dataclass(frozen=True)
class DemoStore:
    code: str
    name: str
    actor_type: str
    province: str
    municipality: str
    address: str
    subcategories: tuple[str, ...]


# Stores that gave their precise place (latitude, longitude): the map draws them there,
# the others at their municipality's seat (Playa and Tercer Frente have none on the map).
STORE_PLACES = {
    "GUAYABITA": (Decimal("22.41700"), Decimal("-83.69800")),
    "CONSTRUHAB": (Decimal("23.11250"), Decimal("-82.43650")),
    "SERRANO": (Decimal("20.15000"), Decimal("-76.35000")),
}

STORES = (
    DemoStore(
        "GUAYABITA",
        "Dulces Guayabita",
        "MIPYME privada",
        "Pinar del Río",
        "Pinar del Río",
        "Calle Martí No. 112",
        ("Conservas y dulces", "Bebidas", "Condimentos y especias"),
    ),
    DemoStore(
        "ESPERANZA",
        "CPA La Esperanza",
        "Cooperativa de producción agropecuaria",
        "Artemisa",
        "San Antonio de los Baños",
        "Finca La Esperanza, carretera a Güira",
        ("Viandas y hortalizas", "Frutas", "Granos"),
    ),
    DemoStore(
        "CONSTRUHAB",
        "Construcciones Habana CNA",
        "Cooperativa no agropecuaria",
        "La Habana",
        "Playa",
        "Calle 70 No. 4512, Miramar",
        ("Áridos y cemento", "Bloques y ladrillos", "Herrería", "Pinturas"),
    ),
    DemoStore(
        "SEMILLAS",
        "CCS Semillas de Mayabeque",
        "Cooperativa de créditos y servicios",
        "Mayabeque",
        "Güines",
        "Carretera Central km 48",
        ("Semillas y posturas", "Insumos agrícolas"),
    ),
    DemoStore(
        "ESPIGA",
        "Panadería La Espiga",
        "Trabajador por cuenta propia",
        "Matanzas",
        "Cárdenas",
        "Avenida Céspedes No. 35",
        ("Panadería y repostería",),
    ),
    DemoStore(
        "JAGUEY",
        "UBPC Citrícola Jagüey",
        "UBPC",
        "Matanzas",
        "Jagüey Grande",
        "Batey Torriente",
        ("Frutas", "Bebidas"),
    ),
    DemoStore(
        "ESCAMBRAY",
        "Lácteos del Escambray",
        "Cooperativa de créditos y servicios",
        "Villa Clara",
        "Manicaragua",
        "Calle Real No. 8",
        ("Lácteos", "Cárnicos"),
    ),
    DemoStore(
        "DISENOVIVO",
        "Diseño Vivo",
        "Trabajador por cuenta propia",
        "Villa Clara",
        "Santa Clara",
        "Calle Independencia No. 210",
        ("Diseño e impresión", "Eventos"),
    ),
    DemoStore(
        "LOSPINOS",
        "Carpintería Los Pinos",
        "MIPYME privada",
        "Cienfuegos",
        "Cienfuegos",
        "Avenida 54 No. 2903",
        ("Carpintería", "Muebles", "Madera tallada"),
    ),
    DemoStore(
        "TRINIDAD",
        "Textiles Trinidad",
        "MIPYME privada",
        "Sancti Spíritus",
        "Trinidad",
        "Calle Simón Bolívar No. 421",
        ("Ropa", "Ropa de cama y hogar", "Calzado"),
    ),
    DemoStore(
        "MORON",
        "Bloques Morón",
        "MIPYME estatal",
        "Ciego de Ávila",
        "Morón",
        "Zona industrial, nave 3",
        ("Bloques y ladrillos", "Áridos y cemento"),
    ),
    DemoStore(
        "TINAJON",
        "Taller El Tinajón",
        "Trabajador por cuenta propia",
        "Camagüey",
        "Camagüey",
        "Plaza del Carmen No. 5",
        ("Cerámica", "Bisutería"),
    ),
    DemoStore(
        "TUNAS",
        "Mensajería Las Tunas",
        "Cooperativa no agropecuaria",
        "Las Tunas",
        "Las Tunas",
        "Calle Francisco Vega No. 60",
        ("Transporte y mensajería", "Reparaciones"),
    ),
    DemoStore(
        "CARNICA",
        "Empresa Cárnica de Holguín",
        "Empresa estatal",
        "Holguín",
        "Holguín",
        "Carretera a Gibara km 2",
        ("Cárnicos", "Condimentos y especias"),
    ),
    DemoStore(
        "BAYAMO",
        "Confecciones Bayamo",
        "Cooperativa no agropecuaria",
        "Granma",
        "Bayamo",
        "Calle General García No. 150",
        ("Uniformes", "Ropa"),
    ),
    DemoStore(
        "SERRANO",
        "Café Serrano",
        "MIPYME privada",
        "Santiago de Cuba",
        "Tercer Frente",
        "Comunidad Cruce de los Baños",
        ("Café y cacao",),
    ),
    DemoStore(
        "BARACOA",
        "Fibras y Cacao de Baracoa",
        "Proyecto de desarrollo local",
        "Guantánamo",
        "Baracoa",
        "Calle Maceo No. 96",
        ("Fibras naturales", "Café y cacao"),
    ),
    DemoStore(
        "GERONA",
        "Jabonería Natural Isla",
        "Proyecto de desarrollo local",
        "Isla de la Juventud",
        "Isla de la Juventud",
        "Calle 39 No. 2214, Nueva Gerona",
        ("Jabones", "Cosmética natural", "Limpieza", "Utensilios de cocina"),
    ),
)


@dataclass(frozen=True)
class DemoZone:
    province: str
    price: Decimal
    price_per_kg: Decimal = Decimal("0")
    minimum_order: Decimal = Decimal("0")


# Every store delivers to its whole own province at a flat price (CUP)...
DELIVERY_PRICES = {
    "GUAYABITA": Decimal("200"),
    "ESPERANZA": Decimal("150"),
    "CONSTRUHAB": Decimal("400"),
    "SEMILLAS": Decimal("250"),
    "ESPIGA": Decimal("150"),
    "JAGUEY": Decimal("300"),
    "ESCAMBRAY": Decimal("250"),
    "DISENOVIVO": Decimal("150"),
    "LOSPINOS": Decimal("400"),
    "TRINIDAD": Decimal("200"),
    "MORON": Decimal("350"),
    "TINAJON": Decimal("200"),
    "TUNAS": Decimal("150"),
    "CARNICA": Decimal("300"),
    "BAYAMO": Decimal("200"),
    "SERRANO": Decimal("250"),
    "BARACOA": Decimal("300"),
    "GERONA": Decimal("150"),
}

# ...and some also to a neighbouring province or La Habana, by weight, above a minimum order
# (building materials travel by the tonne: little per kg).
FARTHER_ZONES = {
    "GUAYABITA": DemoZone("La Habana", Decimal("450"), Decimal("20"), Decimal("3000")),
    "ESPERANZA": DemoZone("La Habana", Decimal("300"), Decimal("15"), Decimal("2000")),
    "CONSTRUHAB": DemoZone("Mayabeque", Decimal("800"), Decimal("1.50"), Decimal("10000")),
    "SEMILLAS": DemoZone("La Habana", Decimal("400"), Decimal("10"), Decimal("1500")),
    "JAGUEY": DemoZone("La Habana", Decimal("700"), Decimal("12"), Decimal("5000")),
    "ESCAMBRAY": DemoZone("Cienfuegos", Decimal("500"), Decimal("15"), Decimal("2500")),
    "LOSPINOS": DemoZone("Villa Clara", Decimal("900"), Decimal("8"), Decimal("8000")),
    "MORON": DemoZone("Camagüey", Decimal("800"), Decimal("1.50"), Decimal("10000")),
    "TUNAS": DemoZone("Holguín", Decimal("350"), Decimal("10"), Decimal("1000")),
    "CARNICA": DemoZone("Las Tunas", Decimal("600"), Decimal("20"), Decimal("4000")),
    "SERRANO": DemoZone("Granma", Decimal("500"), Decimal("15"), Decimal("2000")),
}

DELIVERY_ZONE_NAME = "Entrega en {province}"

# Opening hours of the pickup point at each store's address, taken in turn.
PICKUP_HOURS = (
    "Lunes a viernes, 8:00 a 16:00",
    "Lunes a sábado, 9:00 a 17:00",
    "Martes a domingo, 10:00 a 18:00",
)

# The store that vendedor@encadena.test owns.
VENDOR_ACCOUNT_STORE = "GUAYABITA"

# Actor types as the stores above name them.
ACTOR_TYPES = {
    "MIPYME privada": "mipyme_privada",
    "MIPYME estatal": "mipyme_estatal",
    "Cooperativa no agropecuaria": "cna",
    "Cooperativa de producción agropecuaria": "cpa",
    "Cooperativa de créditos y servicios": "ccs",
    "UBPC": "ubpc",
    "Trabajador por cuenta propia": "tcp",
    "Proyecto de desarrollo local": "pdl",
    "Empresa estatal": "empresa_estatal",
}

# Top-level category -> the sector (vendors/migrations/0002) of a store selling in it.
SECTOR_BY_CATEGORY = {
    "Alimentos": "alimentos-y-bebidas",
    "Agricultura": "agricultura-y-ganaderia",
    "Materiales de construcción": "construccion",
    "Textiles y confecciones": "textiles-y-confecciones",
    "Artesanía": "artesania",
    "Hogar": "muebles-y-hogar",
    "Higiene y belleza": "higiene-y-belleza",
    "Servicios": "servicios-profesionales",
}

# A store whose application waits for the operator.
APPLICANT = DemoStore(
    "HUERTOVERDE",
    "Huerto Verde",
    "Trabajador por cuenta propia",
    "Sancti Spíritus",
    "Cabaiguán",
    "Carretera Central km 370",
    ("Viandas y hortalizas",),
)
APPLICANT_ACCOUNT = DemoAccount("solicitante@encadena.test", "Sergio", "Solicitante", "applicant")

STORE_DESCRIPTION = (
    "{store}: {actor} de {municipality}, {province}. Ofrecemos {offer}, "
    "a particulares y a empresas de todo el país."
)

DESCRIPTION_OPENINGS = (
    "Producido con cuidado por {store} en {municipality}, {province}.",
    "De {store}, desde {municipality} ({province}) para todo el país.",
    "Elaborado y vendido por {store}, {actor} de {province}.",
)
DESCRIPTION_CLOSINGS = (
    "Venta a particulares y a empresas; precios mayoristas por volumen.",
    "Entrega a domicilio en la provincia y recogida en nuestro punto de venta.",
    "Calidad garantizada: si algo no llega bien, lo reponemos.",
    "Pedidos por encargo para negocios y eventos.",
)


@dataclass(frozen=True)
class DemoPurchase:
    """A past purchase of the demo shopper: the stores it buys from, how far each vendor
    part has gone ("placed", "accepted", "shipped", "delivered", "cancelled",
    "rejected"), and how it was paid, by what its gateway can do: on delivery, or by a
    transfer the operator confirmed (the payment methods a buyer of the demo can choose)."""

    stores: tuple[str, ...]
    progress: tuple[str, ...]
    pays: Capability = Capability.PAY_ON_DELIVERY

    @property
    def payment(self) -> str:
        """The configured gateway it is paid with: the first that can do `pays`."""
        names = gateway_names_with(self.pays)
        if not names:
            raise UnknownGateway(f"no payment gateway configured for {self.pays}")
        return names[0]


PURCHASE_ADDRESS = {
    "first_name": "Carlos",
    "last_name": "Comprador",
    "line1": "Calle 23 No. 1155",
    "line2": "entre 10 y 12, Vedado",
    "line4": "Plaza de la Revolución",
    "state": "La Habana",
    "phone_number": "+5352345678",
    "notes": "Tocar fuerte, el timbre no funciona.",
}
PURCHASES = (
    DemoPurchase(("GUAYABITA", "ESPIGA"), ("delivered", "delivered")),
    DemoPurchase(
        ("CONSTRUHAB", "SEMILLAS", "SERRANO"),
        ("shipped", "accepted", "placed"),
        pays=Capability.MANUAL_CONFIRMATION,
    ),
    DemoPurchase(("ESPIGA",), ("placed",), pays=Capability.MANUAL_CONFIRMATION),
    DemoPurchase(("GUAYABITA", "JAGUEY"), ("cancelled", "accepted")),
    DemoPurchase(("TRINIDAD", "SEMILLAS"), ("rejected", "delivered")),
)
# How far the parts of the demo shopper's purchases paid in a gateway's app (EnZona,
# Transfermóvil: one each, when configured) have gone, gateway by gateway; they buy from
# the first stores of LINK_PAYMENT_STORES.
LINK_PAYMENT_PROGRESS = (("accepted", "placed"), ("shipped",))
LINK_PAYMENT_STORES = ("JAGUEY", "TRINIDAD")
# The steps each progress takes from "placed", and who takes them.
PROGRESS_STEPS = {
    "placed": (),
    "accepted": ("accepted",),
    "shipped": ("accepted", "ready", "shipped"),
    "delivered": ("accepted", "ready", "shipped", "delivered"),
    "cancelled": ("cancelled",),
    "rejected": ("rejected",),
}
REJECTION_REASON = "No nos quedan telas de ese color; le avisaremos cuando lleguen."

# What the demo shopper wrote about products it received: (score, title, text), one per
# delivered part in turn.
REVIEWS = (
    (5, "Como la de mi abuela", "Llegó bien envasada y a tiempo. La volveré a pedir."),
    (4, "Muy fresco", "Todo bien; la entrega tardó un día más de lo previsto."),
    (5, "Buena calidad", "Exactamente lo que describían. Recomiendo la tienda."),
)


@dataclass(frozen=True)
class DemoPhoneOrder:
    """An order the demo agent took for a caller (by phone, WhatsApp or at a counter)."""

    customer: str  # the e-mail of a demo account, or "" for the walk-in caller below
    stores: tuple[str, ...]
    channel: str


# A caller with no account: the agent creates them with a name and a phone.
PHONE_CUSTOMER = {"first_name": "Rosa", "last_name": "Llamada", "phone": "+53 5 888 1234"}
PHONE_CUSTOMER_ADDRESS = {
    "first_name": "Rosa",
    "last_name": "Llamada",
    "line1": "Calle 70 No. 4512",
    "line2": "entre 45 y 47",
    "line4": "Playa",
    "state": "La Habana",
    "phone_number": "+5358881234",
    "notes": "Llamar antes de llegar.",
}
PHONE_ORDERS = (
    DemoPhoneOrder("", ("GUAYABITA", "ESPIGA"), "phone"),
    DemoPhoneOrder("comprador@encadena.test", ("SERRANO",), "whatsapp"),
)
CALL_NOTES = (
    ("", "Primera compra por teléfono; prefiere que la llamen por la tarde."),
    ("comprador@encadena.test", "Preguntó por la entrega de su pedido de materiales."),
)


@dataclass(frozen=True)
class DemoBuyer:
    """Who posts a demo request: a store's buyer (a staff member of `store`), or an actor
    without a store on Encadena."""

    email: str
    first_name: str
    last_name: str
    store: str = ""  # the code of the store it buys for


@dataclass(frozen=True)
class DemoOffer:
    store: str
    price: Decimal
    quantity: Decimal | int  # in the request's unit: "2,5" t need not be whole
    lead_time_days: int
    message: str
    delivery_price: Decimal | None = None


@dataclass(frozen=True)
class DemoRequest:
    buyer: str  # a DemoBuyer's e-mail
    title: str
    description: str
    sector: str  # slug (vendors/migrations/0002)
    quantity: Decimal | int
    unit: str  # shop.sourcing.models.Unit
    target_price: Decimal | None
    days: int  # needed so many days after the seed
    province: str
    municipality: str
    recurring: bool = False
    invited: tuple[str, ...] = ()  # store codes: only they see it
    offers: tuple[DemoOffer, ...] = ()
    awarded_to: str = ""  # the store whose offer the buyer accepted (all it can supply)
    category: str = ""  # a second-level category's name


DEMO_BUYERS = (
    DemoBuyer("compras.panaderia@encadena.test", "Yamila", "Cooperativa Panadera"),
    DemoBuyer("compras.sabores@encadena.test", "Rafael", "Sabores del Norte"),
    DemoBuyer("compras.ccs@encadena.test", "Eduardo", "CCS Niceto Pérez"),
    DemoBuyer("compras.casona@encadena.test", "Mirta", "PDL La Casona"),
    DemoBuyer("compras.guayabita@encadena.test", "Iván", "Compras Guayabita", "GUAYABITA"),
    DemoBuyer("compras.espiga@encadena.test", "Lourdes", "Compras La Espiga", "ESPIGA"),
    DemoBuyer("compras.bayamo@encadena.test", "Osmel", "Compras Bayamo", "BAYAMO"),
    DemoBuyer("compras.serrano@encadena.test", "Daniela", "Compras Serrano", "SERRANO"),
    DemoBuyer("compras.tinajon@encadena.test", "Pedro", "Compras Tinajón", "TINAJON"),
    DemoBuyer("compras.esperanza@encadena.test", "Arelis", "Compras La Esperanza", "ESPERANZA"),
    DemoBuyer("comprador@encadena.test", "Carlos", "Comprador"),
)

REQUESTS = (
    DemoRequest(
        "compras.panaderia@encadena.test",
        "Harina de trigo para pan",
        "Sacos de 50 kg para la panadería de la cooperativa; la necesitamos cada semana.",
        "alimentos-y-bebidas",
        Decimal("2.5"),
        "t",
        Decimal("160000.00"),
        14,
        "Villa Clara",
        "Santa Clara",
        recurring=True,
        offers=(
            DemoOffer(
                "ESPERANZA", Decimal("170000.00"), Decimal("1.5"), 5, "Harina de nuestra molida."
            ),
            DemoOffer(
                "SEMILLAS",
                Decimal("175000.00"),
                Decimal("2.5"),
                7,
                "Podemos cubrir todo el pedido.",
            ),
        ),
    ),
    DemoRequest(
        "compras.sabores@encadena.test",
        "Cajas de cartón corrugado para envíos",
        "Cajas de 30 × 20 × 15 cm para enviar conservas, impresas a una tinta con el logo.",
        "industria",
        1500,
        "unit",
        Decimal("40.00"),
        20,
        "Holguín",
        "Holguín",
        offers=(
            DemoOffer("DISENOVIVO", Decimal("45.00"), 1500, 10, "Incluye el diseño de la tinta."),
            DemoOffer("TINAJON", Decimal("52.00"), 800, 6, "Cartón reciclado, muy resistente."),
        ),
    ),
    DemoRequest(
        "compras.ccs@encadena.test",
        "Transporte de viandas a La Habana",
        "Dos viajes semanales de camión desde las fincas de la CCS hasta el mercado de 19 y B.",
        "transporte-y-logistica",
        16,
        "hour",
        Decimal("1200.00"),
        10,
        "Artemisa",
        "Artemisa",
        recurring=True,
        offers=(
            DemoOffer(
                "TUNAS",
                Decimal("1400.00"),
                16,
                2,
                "Camión de 5 t con chofer y ayudante.",
                Decimal("0.00"),
            ),
        ),
    ),
    DemoRequest(
        "compras.guayabita@encadena.test",
        "Frascos de vidrio de 500 ml con tapa",
        "Para mermelada de guayaba; tapa metálica de rosca.",
        "industria",
        3000,
        "unit",
        Decimal("35.00"),
        30,
        "Pinar del Río",
        "Pinar del Río",
    ),
    DemoRequest(
        "compras.espiga@encadena.test",
        "Mantequilla para repostería",
        "Mantequilla sin sal en bloques de 1 kg, para dulces y panes especiales.",
        "alimentos-y-bebidas",
        200,
        "kg",
        Decimal("900.00"),
        12,
        "Matanzas",
        "Cárdenas",
        offers=(
            DemoOffer(
                "ESCAMBRAY",
                Decimal("950.00"),
                200,
                4,
                "Mantequilla fresca de nuestra leche.",
                Decimal("800.00"),
            ),
        ),
    ),
    DemoRequest(
        "compras.casona@encadena.test",
        "Bloques de hormigón de 15 cm",
        "Para ampliar el taller del proyecto; entregados en la obra.",
        "construccion",
        4000,
        "unit",
        Decimal("55.00"),
        25,
        "Camagüey",
        "Camagüey",
        offers=(
            DemoOffer("MORON", Decimal("58.00"), 4000, 7, "Bloques curados, con certificado."),
            DemoOffer("CONSTRUHAB", Decimal("62.00"), 2500, 12, "Desde La Habana."),
        ),
        awarded_to="MORON",
        category="Bloques y ladrillos",
    ),
    DemoRequest(
        "compras.bayamo@encadena.test",
        "Tela de algodón para uniformes escolares",
        "Algodón blanco y azul, de 1,5 m de ancho.",
        "textiles-y-confecciones",
        600,
        "m2",
        Decimal("300.00"),
        21,
        "Granma",
        "Bayamo",
        offers=(DemoOffer("TRINIDAD", Decimal("320.00"), 600, 12, "Tejida en Trinidad."),),
    ),
    DemoRequest(
        "compras.serrano@encadena.test",
        "Diseño de etiquetas para café",
        "Etiquetas para tres presentaciones de café molido, listas para imprimir.",
        "servicios-profesionales",
        20,
        "hour",
        Decimal("800.00"),
        15,
        "Santiago de Cuba",
        "Tercer Frente",
        offers=(
            DemoOffer("DISENOVIVO", Decimal("750.00"), 20, 5, "Tres propuestas por etiqueta."),
        ),
    ),
    DemoRequest(
        "compras.tinajon@encadena.test",
        "Tablones de pino para estantes",
        "Tablones secos de 2 m × 25 cm × 2,5 cm.",
        "muebles-y-hogar",
        80,
        "unit",
        Decimal("2200.00"),
        18,
        "Camagüey",
        "Camagüey",
        offers=(DemoOffer("LOSPINOS", Decimal("2450.00"), 80, 9, "Pino secado al aire."),),
    ),
    DemoRequest(
        "compras.esperanza@encadena.test",
        "Semillas de tomate para la campaña",
        "Variedad resistente al calor, con certificado de germinación.",
        "agricultura-y-ganaderia",
        5,
        "kg",
        Decimal("12000.00"),
        9,
        "Artemisa",
        "San Antonio de los Baños",
        offers=(DemoOffer("SEMILLAS", Decimal("11500.00"), 5, 3, "Germinación del 92 %."),),
        category="Semillas y posturas",
    ),
    DemoRequest(
        "compras.guayabita@encadena.test",
        "Cacao en grano para bombones",
        "Cacao fermentado y seco, en sacos.",
        "alimentos-y-bebidas",
        300,
        "kg",
        Decimal("1400.00"),
        28,
        "Pinar del Río",
        "Pinar del Río",
        invited=("BARACOA",),
        offers=(DemoOffer("BARACOA", Decimal("1350.00"), 300, 8, "Cacao de Baracoa."),),
    ),
    DemoRequest(
        "comprador@encadena.test",
        "Jabón de lavar para la cafetería",
        "Barras de jabón y detergente líquido para un mes.",
        "higiene-y-belleza",
        200,
        "unit",
        Decimal("120.00"),
        7,
        "La Habana",
        "Plaza de la Revolución",
    ),
)

# Conversations on demo offers: (request title, store code, [(written by the store?, text)]).
CONVERSATIONS = (
    (
        "Harina de trigo para pan",
        "ESPERANZA",
        (
            (False, "¿Pueden entregar los sacos en Santa Clara cada lunes?"),
            (True, "Sí: salimos de Artemisa el domingo y llegamos el lunes por la mañana."),
            (False, "Perfecto. ¿La harina es de trigo duro o blando?"),
        ),
    ),
    (
        "Bloques de hormigón de 15 cm",
        "MORON",
        (
            (False, "¿Los bloques llegan paletizados?"),
            (True, "Sí, en paletas de 100; el camión descarga con grúa."),
        ),
    ),
)

# Where the awarded request's purchase is delivered (its municipality is the request's).
REQUEST_AWARD_ADDRESS = {
    "first_name": "Mirta",
    "last_name": "PDL La Casona",
    "line1": "Calle República No. 287",
    "line2": "entre San Martín y Agramonte",
    "phone_number": "+5332291234",
}
