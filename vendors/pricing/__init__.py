"""A store's wholesale terms (tier prices, minimum quantity and multiple per product,
order minimums per store) and the one path every price and quantity of a purchase
goes through: the basket, the placement's re-check, phone orders and accepted offers."""
