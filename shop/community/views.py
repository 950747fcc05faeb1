"""The board's public pages: the list with filters, a post with its replies, writing,
voting, accepting and reporting. Text only, no script needed."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from shop.community import services
from shop.community.exceptions import CommunityRefused
from shop.community.forms import (
    BoardFilterForm,
    FollowingForm,
    PostForm,
    ReasonForm,
    ReplyForm,
)
from shop.community.mentions import mention_targets, mentions_render
from shop.community.models import BoardFollowing, Post, PostKind
from shop.community.selectors import board_posts, post_replies

PAGE_SIZE = 20


class BoardView(View):
    def get(self, request):
        filters = BoardFilterForm(request.GET or None)
        values = filters.cleaned_data if filters.is_valid() else {}
        posts = board_posts(
            kind=values.get("kind") or "",
            sector=values.get("sector"),
            province=values.get("province"),
        )
        page = Paginator(posts, PAGE_SIZE).get_page(request.GET.get("page"))
        return render(
            request,
            "community/board.html",
            {"filters": filters, "page_obj": page, "posts": page.object_list},
        )


class CodeOfConductView(TemplateView):
    template_name = "community/code_of_conduct.html"


class FollowingView(LoginRequiredMixin, View):
    """The sectors and provinces a member follows, for its weekly digest."""

    def get(self, request):
        following = BoardFollowing.objects.filter(user=request.user).first()
        return render(
            request, "community/following.html", {"form": FollowingForm(instance=following)}
        )

    def post(self, request):
        form = FollowingForm(request.POST)
        if not form.is_valid():
            return render(request, "community/following.html", {"form": form}, status=400)
        services.board_following_save(user=request.user, **form.cleaned_data)
        messages.success(request, _("Saved: the digest comes on Mondays."))
        return redirect("community:following")


class PostCreateView(LoginRequiredMixin, View):
    def get(self, request):
        return render(request, "community/post_form.html", {"form": PostForm()})

    def post(self, request):
        form = PostForm(request.POST)
        if form.is_valid():
            try:
                post = services.post_create(author=request.user, **form.cleaned_data)
            except CommunityRefused as error:
                form.add_error(None, error)
            else:
                return redirect("community:detail", pk=post.pk)
        return render(request, "community/post_form.html", {"form": form}, status=400)


class PostDetailView(View):
    def get(self, request, pk, form=None, status=200):
        post = get_object_or_404(
            Post.objects.select_related("author", "sector", "province"), pk=pk, is_hidden=False
        )
        request_url = ""
        if post.kind == PostKind.LOOKING_FOR and request.user == post.author:
            request_url = (
                reverse("sourcing:create")
                + "?"
                + urlencode({"titulo": post.title, "descripcion": post.body})
            )
        replies = list(post_replies(post=post))
        shown = [post, *(reply for reply in replies if not reply.is_hidden)]
        targets = mention_targets(texts=[item.body for item in shown])
        for item in shown:
            item.body_html = mentions_render(text=item.body, targets=targets)
        return render(
            request,
            "community/post_detail.html",
            {
                "post": post,
                "replies": replies,
                "form": form or ReplyForm(),
                "report_form": ReasonForm(),
                "request_url": request_url,
            },
            status=status,
        )


class _PostActionView(LoginRequiredMixin, View):
    done = ""

    def act(self, request, pk, **kwargs):
        raise NotImplementedError

    def post(self, request, pk, **kwargs):
        get_object_or_404(Post, pk=pk, is_hidden=False)
        try:
            self.act(request, pk, **kwargs)
        except CommunityRefused as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, self.done)
        return redirect("community:detail", pk=pk)


class ReplyCreateView(LoginRequiredMixin, View):
    def post(self, request, pk):
        get_object_or_404(Post, pk=pk, is_hidden=False)
        form = ReplyForm(request.POST)
        if form.is_valid():
            try:
                services.reply_create(
                    author=request.user, post_id=pk, body=form.cleaned_data["body"]
                )
            except CommunityRefused as error:
                form.add_error(None, error)
            else:
                return redirect("community:detail", pk=pk)
        return PostDetailView().get(request, pk, form=form, status=400)


class UsefulView(_PostActionView):
    def act(self, request, pk, reply_id):
        get_object_or_404(Post.objects.filter(replies__pk=reply_id), pk=pk)
        services.reply_vote_useful(user=request.user, reply_id=reply_id)
        self.done = _("Thank you: marked as useful.")


class AcceptView(_PostActionView):
    def act(self, request, pk, reply_id):
        get_object_or_404(Post.objects.filter(replies__pk=reply_id), pk=pk)
        services.reply_accept(user=request.user, reply_id=reply_id)
        self.done = _("Marked as the answer.")


class ReportView(_PostActionView):
    def act(self, request, pk, reply_id=None):
        form = ReasonForm(request.POST)
        services.report_create(
            reporter=request.user,
            post_id=pk,
            reply_id=reply_id,
            reason=form.data.get("reason", ""),
        )
        self.done = _("Thank you: an operator will look at it.")
