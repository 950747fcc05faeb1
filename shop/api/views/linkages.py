"""Read-only, for anybody: the public linkage statistics, the same figures as the open
data of /encadenamientos/ (no amounts, small cells suppressed), computed by the same
selector."""

from django.conf import settings
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from shop.linkages.models import FigureScope
from shop.linkages.selectors import open_data_rows


class LinkageFigureSerializer(serializers.Serializer):
    scope = serializers.ChoiceField(choices=FigureScope.choices)
    from_key = serializers.CharField(allow_blank=True)
    from_label = serializers.CharField(allow_blank=True)
    to_key = serializers.CharField(allow_blank=True)
    to_label = serializers.CharField(allow_blank=True)
    deals = serializers.IntegerField(
        allow_null=True, help_text="Confirmed deals; empty when suppressed."
    )
    suppressed = serializers.BooleanField(
        help_text="True when the cell holds fewer deals than `suppressed_below`."
    )


class LinkageStatisticsSerializer(serializers.Serializer):
    suppressed_below = serializers.IntegerField()
    figures = LinkageFigureSerializer(many=True)


@extend_schema(tags=["linkages"], responses=LinkageStatisticsSerializer)
class LinkageStatistics(APIView):
    """Confirmed deals between economic actors: in all, by month, between provinces,
    between actor types, by sector and by amount band. No amounts; a cell with fewer
    deals than `suppressed_below` has its count left empty."""

    permission_classes = [AllowAny]

    def get(self, request):
        body = {
            "suppressed_below": settings.LINKAGES_OPEN_DATA_MIN_DEALS,
            "figures": open_data_rows(),
        }
        return Response(LinkageStatisticsSerializer(body).data)
