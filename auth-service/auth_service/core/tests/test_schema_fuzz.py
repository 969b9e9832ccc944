"""Property-based fuzzing of the auth service's OpenAPI schema with schemathesis (threat-model.md #51):
every operation, authenticated as a real user, gets no 5xx, and every response matches the schema.
Schemathesis also sends schema-violating requests (its negative mode); each must be refused with a 4xx,
so the schema describes the real validation (`"last_name": 7` accepted would fail here).

Bounded: a fixed number of examples per operation, no deadline per example (the machine is shared).
The login, mail, refresh and username throttles are lifted so fuzzing cannot lock itself out into
a wall of 429s that would hide real errors (the throttles have their own tests).
"""

import pytest
import schemathesis
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, Phase
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from auth_service.tokens.services import token_pair_issue
from auth_service.users.tests.factories import UserFactory
from config.wsgi import application

EXAMPLES_PER_OPERATION = 20
UNTHROTTLED = "100000/min"


@pytest.fixture(autouse=True)
def _unthrottled(settings: object) -> None:
    for name in (
        "LOGIN_THROTTLE_IP_RATE",
        "LOGIN_THROTTLE_EMAIL_RATE",
        "MAIL_THROTTLE_IP_RATE",
        "MAIL_THROTTLE_EMAIL_RATE",
        "REFRESH_THROTTLE_USER_RATE",
        "USERNAME_THROTTLE_USER_RATE",
    ):
        setattr(settings, name, UNTHROTTLED)


@pytest.fixture
def bearer(transactional_db: None) -> dict[str, str]:
    return {"Authorization": f"Bearer {token_pair_issue(user=UserFactory()).access}"}


# The schema the service serves at /api/v1/auth/schema/ (same generator, same post-processing hooks),
# built without a request; requests then go to the real WSGI application, middleware and all.
schema = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
schema.app = application


@schema.parametrize()
@hypothesis_settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,  # the same examples every run: a failure is reproducible, not flaky
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_as_documented(case: schemathesis.Case, bearer: dict[str, str]) -> None:
    case.call_and_validate(
        headers=bearer,
        checks=[
            not_a_server_error,
            response_schema_conformance,
            status_code_conformance,
            content_type_conformance,
            negative_data_rejection,
        ],
    )
