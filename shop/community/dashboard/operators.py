"""The operators' page of reported posts and replies: hide with a reason. 404 to anyone
else."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from shop.community.exceptions import CommunityRefused
from shop.community.models import Post, Report
from shop.community.selectors import open_reports
from shop.community.services import hide
from shop.core.views import OperatorOnlyMixin


class ReportListView(OperatorOnlyMixin, View):
    def get(self, request):
        return render(
            request, "community/dashboard/reports.html", {"reports": open_reports()[:100]}
        )

    def post(self, request):
        try:
            report = Report.objects.get(pk=request.POST.get("report"))
            hide(
                reason=request.POST.get("reason", ""),
                post_id=report.post_id,
                reply_id=report.reply_id,
            )
        except (Report.DoesNotExist, Post.DoesNotExist, ValueError):
            raise Http404 from None
        except CommunityRefused as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Hidden."))
        return redirect("community_dashboard:reports")
