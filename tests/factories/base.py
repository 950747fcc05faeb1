import factory

from shop.apps.search.updates import search_index_batch


class IndexedModelFactory(factory.django.DjangoModelFactory):
    """A factory whose object (with what it makes around it: a store, its stock) reaches the
    search index in one refresh when it is made, not one per save."""

    class Meta:
        abstract = True

    @classmethod
    def _generate(cls, strategy, params):
        with search_index_batch():
            return super()._generate(strategy, params)
