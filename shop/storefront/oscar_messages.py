"""Oscar's messages that its Spanish catalogue lacks, or says in the familiar "tú", or gets
wrong, wherever a buyer (or an e-mail to one) reads them. They are Oscar's own msgids,
verbatim (template whitespace included), listed here so `make messages` extracts them into
our catalogue; Django then prefers our translation to Oscar's. Each must stay one of
Oscar's: tests/unit/storefront/test_oscar_messages.py checks them against Oscar's sources."""

from django.utils.translation import gettext_noop, ngettext_lazy, pgettext_lazy

OSCAR_MESSAGES = (
    # Oscar shows this when a basket line is raised above the stock, one line or several.
    gettext_noop(
        "Available stock is only %(max)d, which has been exceeded because multiple "
        "lines contain the same product."
    ),
    # The basket and its messages
    gettext_noop("'%(product)s' is no longer available"),
    gettext_noop(
        "The price of '%(product)s' has increased from %(old_price)s to "
        "%(new_price)s since you added it to your basket"
    ),
    gettext_noop(
        "The price of '%(product)s' has decreased from %(old_price)s to "
        "%(new_price)s since you added it to your basket"
    ),
    gettext_noop("Please select a valid product"),
    gettext_noop(
        "Due to technical limitations we are not able to ship more than "
        "%(threshold)d items in one order."
    ),
    gettext_noop(
        "Due to technical limitations we are not able to ship more than "
        "%(threshold)d items in one order. Your basket currently has %(basket)d "
        "items."
    ),
    gettext_noop(
        "This product cannot be added to the basket as its currency isn't the same "
        "as other products in your basket"
    ),
    ngettext_lazy(
        "We have merged %(num_items_merged)d item from a previous session to your basket.",
        "We have merged %(num_items_merged)d items from a previous session to your basket.",
    ),
    gettext_noop("You can't save an item for later if you're not logged in!"),
    gettext_noop("Your basket does not qualify for a voucher discount"),
    gettext_noop("You have already added the '%(code)s' voucher to your basket"),
    gettext_noop("No voucher found with code '%(code)s'"),
    gettext_noop("Please enter a voucher code"),
    gettext_noop("Voucher '%(code)s' added to basket"),
    gettext_noop("Voucher '%s' removed from basket"),
    gettext_noop("Your basket is empty."),
    gettext_noop("Your basket is now empty"),
    gettext_noop("\n        Your basket total is now <strong>%(total)s</strong>\n        "),
    gettext_noop(
        "\n    <strong>%(quantity)s</strong> copies of <strong>%(title)s</strong>"
        "\n    have been added to your basket.\n    "
    ),
    gettext_noop("\n    <strong>%(title)s</strong> has been added to your basket.\n    "),
    gettext_noop("\n<strong>%(title)s</strong> has been moved back to your basket.\n"),
    gettext_noop("\n<strong>%(title)s</strong> has been saved for later\n"),
    gettext_noop("\nYour basket no longer qualifies for the\n<strong>%(name)s</strong> offer.\n"),
    gettext_noop("\nYour basket now qualifies for the \n<strong>%(name)s</strong> offer.\n"),
    gettext_noop("You could be missing out on offers!"),
    gettext_noop("Items to buy now"),
    gettext_noop("Alternative shipping methods can be chosen during checkout"),
    gettext_noop("These will be applied once your order is placed."),
    gettext_noop("Continue shopping"),
    gettext_noop("I have a voucher code..."),
    gettext_noop("Basket total:"),
    gettext_noop("\n                        Total: %(total)s\n                    "),
    # Checkout
    gettext_noop("Who are you?"),
    gettext_noop("Checkout gateway"),
    gettext_noop("My email address is"),
    gettext_noop("I am a new customer and want to checkout as a guest"),
    gettext_noop("I am a new customer and want to create an account before checking out"),
    gettext_noop("I am a returning customer, and my password is"),
    gettext_noop("Get a password reminder"),
    gettext_noop("You need to add some items to your basket to checkout"),
    gettext_noop("Please either sign in or enter your email address"),
    gettext_noop("Please choose a shipping address"),
    gettext_noop("Where should we ship to?"),
    gettext_noop("An address from your address book?"),
    gettext_noop("Or a new address?"),
    gettext_noop(
        "A problem occurred while processing payment for this order - no payment has"
        " been taken.  Please contact customer services if this problem persists"
    ),
    gettext_noop(
        "Please make a note of this reference or print this page and quote it in any"
        " communication with us regarding your order."
    ),
    gettext_noop("Yes!"),
    gettext_noop("Tracking your order"),
    # The buyer's account
    gettext_noop("Your profile has now been deleted. Thanks for using the site."),
    gettext_noop("'%s' has been added to your basket"),
    gettext_noop("Profile updated"),
    gettext_noop("%(qty)d copies of '%(product)s' have been added to your basket"),
    gettext_noop("All available lines from order %(number)s have been added to your basket"),
    gettext_noop(
        "It is not possible to re-order order %(number)s as none of its lines are "
        "available to purchase"
    ),
    gettext_noop("Order not found"),
    gettext_noop("Edit address"),
    gettext_noop("Delete address?"),
    gettext_noop("You already have an active alert for this product"),
    gettext_noop("A confirmation email has been sent to %s"),
    gettext_noop("Your stock alert is now active"),
    gettext_noop("Your stock alert cannot be confirmed"),
    gettext_noop("Your stock alert has been cancelled"),
    gettext_noop("Your stock alert cannot be cancelled"),
    gettext_noop("The two password fields didn't match."),
    gettext_noop("A user with this email address already exists"),
    gettext_noop(
        "%s has been sent a confirmation email for another product alert on this "
        "site. Please confirm or cancel that request before signing up for more "
        "alerts."
    ),
    gettext_noop("Send notification to"),
    gettext_noop("Thanks for registering!"),
    gettext_noop("Enter the following information you used for this order"),
    gettext_noop("Submit"),
    pgettext_lazy("Buy again", "Re-order"),
    pgettext_lazy("Buy again", "Re-ordering..."),
    gettext_noop("Register"),
    gettext_noop("Date registered"),
    gettext_noop("You do not have any active alerts for out-of-stock products."),
    gettext_noop("%(title)s is back in stock"),
    gettext_noop("\n%(title)s is back in stock\n"),
    gettext_noop('\n<a href="%(url)s">%(title)s</a> is back in stock\n'),
    gettext_noop("Please confirm your password to delete your profile."),
    gettext_noop("First line of address"),
    gettext_noop("Second line of address"),
    gettext_noop("Third line of address"),
    gettext_noop("City"),
    gettext_noop("State/County"),
    gettext_noop("Post/Zip-code"),
    gettext_noop("In case we need to call you about your order"),
    gettext_noop("Tell us anything we should know when delivering your order."),
    # Wish lists
    gettext_noop("Share wishlist"),
    gettext_noop(
        "If you want to share your wishlist with others, you can add their email "
        "addresses below. The visibility must be set to shared in order for this to "
        "work."
    ),
    gettext_noop("Copy sharing link"),
    gettext_noop("This wish list is empty."),
    gettext_noop("Wish list '%(name)s' already containing '%(title)s'"),
    gettext_noop(
        "The shared accounts won't be able to access your wishlist because the "
        "visiblity is set to private."
    ),
    gettext_noop(
        "You have added shared accounts to your wishlist but the visiblity is "
        "public, this means everyone with a link has access to it."
    ),
    gettext_noop("You must be logged in to view the wish list"),
    gettext_noop("Create a new wishlist"),
    gettext_noop(
        "\n                                        Add to '%(name)s' wish list"
        "\n                                    "
    ),
    gettext_noop(
        '\n                    <span class="float-left">Product is in <a '
        "href=\"%(url)s\">'%(name)s'</a> wishlist.</span>\n                "
    ),
    gettext_noop("Public - Everybody can see the wish list"),
    gettext_noop("Private - Only the owner can see the wish list"),
    gettext_noop(
        "Shared - Only the owner and people with access to the obfuscated link can "
        "see the wish list"
    ),
    # Product pages, stock alerts and reviews
    gettext_noop("Variants:"),
    gettext_noop("You have an active stock alert for this product."),
    gettext_noop("You can get an email alert when this product is back in stock."),
    gettext_noop("Is this review helpful?"),
    gettext_noop("\n                Reviewed by you on %(review_date)s\n                "),
    gettext_noop(
        "\n                    Reviewed by <strong>%(name)s</strong> on "
        "%(review_date)s\n                "
    ),
    ngettext_lazy(
        "\n                    %(num_reviews)s customer review\n                ",
        "\n                    %(num_reviews)s customer reviews\n                ",
    ),
    ngettext_lazy(
        "\n            <strong>%(num_up_votes)s</strong> of %(num_votes)s customer "
        "found this useful\n            ",
        "\n            <strong>%(num_up_votes)s</strong> of %(num_votes)s customers "
        "found this useful\n            ",
    ),
    gettext_noop("This review has no votes."),
    gettext_noop("Thanks for voting!"),
    gettext_noop("Permalink"),
    gettext_noop("Leave a product review"),
    gettext_noop("Write a review"),
    gettext_noop("Customer Reviews"),
    gettext_noop("Customer reviews"),
    gettext_noop("See all reviews"),
    gettext_noop("Number of reviews"),
    gettext_noop("This product does not have any reviews yet"),
    gettext_noop("This product does not have any reviews yet."),
    gettext_noop("Save review"),
    gettext_noop("Reviews"),
    gettext_noop("You have already reviewed this product!"),
    gettext_noop("Thank you for reviewing this product"),
    gettext_noop("Product review"),
    gettext_noop("Product reviews"),
    gettext_noop("Catalogue reviews"),
    gettext_noop("Edit this category"),
    gettext_noop("All reviews"),
    gettext_noop("Enter your email"),
    # Lists, errors and account pages
    gettext_noop(
        "\n                        Page %(page_num)s of %(total_pages)s\n                    "
    ),
    gettext_noop("Oops! We found some errors"),
    gettext_noop("please check the error messages below and try again"),
    gettext_noop("Permission denied!"),
    gettext_noop("We're sorry but you are not permitted to access this page."),
    gettext_noop("Page not found!"),
    gettext_noop("We're sorry but the page you are looking for can't be found."),
    gettext_noop("Sorry!"),
    gettext_noop("Please either choose a range, type and value OR select a custom incentive"),
    gettext_noop("You must select some lines to act on"),
    gettext_noop("You do not have access to this report"),
    # Password reset pages
    gettext_noop(
        "Forgotten your password? Enter your e-mail address below, and we'll e-mail "
        "instructions for setting a new one."
    ),
    gettext_noop(
        "Please enter your new password twice so we can verify you typed it in correctly."
    ),
    gettext_noop("Password reset"),
    gettext_noop("Password reset complete"),
    gettext_noop("Complete"),
    gettext_noop("Your password has been set.  You may go ahead and log in now."),
    gettext_noop("Password reset unsuccessful"),
    gettext_noop(
        "The password reset link was invalid, possibly because it has already been "
        "used.  Please request a new password reset."
    ),
    gettext_noop("Password reset email sent"),
    gettext_noop("Email sent"),
    gettext_noop("Send reset email"),
    gettext_noop("Enter a new password"),
    # E-mails Oscar sends (password, e-mail address, stock alerts)
    gettext_noop(
        "You're receiving this e-mail because you requested a password reset for "
        "your user account at %(name)s."
    ),
    gettext_noop("Please go to the following page and choose a new password:"),
    gettext_noop("Resetting your password at %(site_name)s."),
    gettext_noop(
        "\nYou're receiving this email because your password has been changed at %(name)s.\n"
    ),
    gettext_noop(
        "You're receiving this e-mail because your password has been changed at %(name)s."
    ),
    gettext_noop("If it wasn't you who changed it, please reset your password immediately:"),
    gettext_noop("Your password changed at %(site_name)s."),
    gettext_noop(
        "You're receiving this email because your email address has been changed to "
        "<strong>%(email)s</strong>."
    ),
    gettext_noop(
        "You're receiving this email because your email address has been changed to %(email)s."
    ),
    gettext_noop(
        "If it wasn't you who changed it, please reset your password immediately and"
        " correct your email address:"
    ),
    gettext_noop("If it was you who changed the email address, you can ignore this email."),
    gettext_noop("Your email address has changed at %(site_name)s."),
    gettext_noop("Reset password"),
    gettext_noop(
        "\n            We are happy to inform you that our product '%(title)s' is "
        "back in stock:\n            %(url)s\n        "
    ),
    gettext_noop(
        "\nWe are happy to inform you that our product '%(title)s' is back in stock:\n%(url)s\n"
    ),
    gettext_noop(
        "\n                Beware that the amount of items in stock is limited. Be "
        "quick or someone might get there first.\n            "
    ),
    gettext_noop(
        "\nBeware that the amount of items in stock is limited. Be quick or someone "
        "might get there first.\n"
    ),
    gettext_noop(
        "\n            With this email we have disabled your alert automatically and "
        "you will not\n            receive any further email regarding this product."
        "\n        "
    ),
    gettext_noop(
        "\nWith this email we have disabled your alert automatically and you will not"
        "\nreceive any further email regarding this product.\n\nThanks for your "
        "interest,\nThe %(site_name)s Team\n"
    ),
    gettext_noop(
        "\n        Hello,\n        <p>\n            Somebody (hopefully you) has "
        "requested an email alert when '%(title)s' is back in stock.\n            "
        "Please click the following link to confirm: %(confirm_url)s\n        </p>"
        "\n        <p>\n            You can cancel this alert at any time by clicking "
        "the following link: %(cancel_url)s\n        </p>\n\n        <p>\n            "
        "Thanks for your interest,\n            The %(site)s Team\n        </p>\n    "
    ),
    gettext_noop(
        "\nHello,\n\nSomebody (hopefully you) has requested an email alert when\n"
        "'%(title)s' is back in stock.  Please click the following link\nto confirm: "
        "%(confirm_url)s\n\nYou can cancel this alert at any time by clicking the "
        "following link:\n%(cancel_url)s\n\nThanks for your interest,\nThe %(site)s Team"
        "\n"
    ),
    gettext_noop("Confirmation required for stock alert"),
)
