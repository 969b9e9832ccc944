"""Django admin for staff: users with their UUID, verification state lives in allauth's EmailAddress admin.

Deactivating (the action, or unticking "active") and deleting go through the services, so the user's
refresh tokens are revoked and `user.deactivated/v1` is published (threat-model.md #54).
"""

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest

from auth_service.users.models import User, UserEvent
from auth_service.users.services import user_deactivate, user_deactivation_record, user_delete


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ("email",)
    list_display = ("email", "username", "first_name", "last_name", "is_staff", "is_active", "date_joined")
    search_fields = ("email", "username", "first_name", "last_name")
    readonly_fields = ("id", "date_joined", "last_login")
    fieldsets = (
        (None, {"fields": ("id", "email", "username", "password")}),
        ("Profile", {"fields": ("first_name", "last_name")}),
        ("Permissions", {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "username", "password1", "password2")}),
    )
    actions = ("deactivate",)

    @admin.action(description="Deactivate selected users (tokens refused everywhere)")
    def deactivate(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            user_deactivate(user=user)

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change and "is_active" in form.changed_data and not obj.is_active:
            user_deactivation_record(user=obj)

    def delete_model(self, request: HttpRequest, obj: User) -> None:
        user_delete(user=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            user_delete(user=user)


@admin.register(UserEvent)
class UserEventAdmin(admin.ModelAdmin):
    """Read-only view of the outbox: a row without `published_at` is waiting for the broker."""

    list_display = ("id", "user_id", "reason", "deactivated_at", "published_at", "attempts", "last_error")
    list_filter = ("reason", ("published_at", admin.EmptyFieldListFilter))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
