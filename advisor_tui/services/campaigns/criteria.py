"""Who goes on a call list: the filter, kept as JSON on the campaign."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields

from advisor_tui.domain.flags import FLAG_KEYS
from advisor_tui.domain.vocabulary import PersonKind
from advisor_tui.services.errors import ServiceError


@dataclass(frozen=True)
class Criteria:
    kinds: tuple[str, ...] = (PersonKind.CUSTOMER.value, PersonKind.PROSPECT.value)
    not_contacted_weeks: int | None = None  # no contact on any channel for so long
    flag: str | None = None  # super | dissatisfied | payment
    tag: str | None = None
    birthday_this_month: bool = False
    phone_consent: bool = False  # only persons phone advertising is allowed to
    min_stability: int | None = None  # the best number scores at least this (0-100)
    extra: dict[str, str] = field(default_factory=dict)

    def check(self) -> None:
        kinds = {k.value for k in PersonKind}
        if not self.kinds or any(k not in kinds for k in self.kinds):
            raise ServiceError("campaign.err.kind", kinds=", ".join(sorted(kinds)))
        if self.flag is not None and self.flag not in FLAG_KEYS:
            raise ServiceError("attention.err.unknown_flag", flag=self.flag)
        if self.not_contacted_weeks is not None and self.not_contacted_weeks < 0:
            raise ServiceError("campaign.err.weeks")
        if self.min_stability is not None and not 0 <= self.min_stability <= 100:
            raise ServiceError("campaign.err.stability")

    def to_json(self) -> str:
        data = asdict(self)
        data["kinds"] = list(self.kinds)
        data.pop("extra")
        return json.dumps(data, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Criteria:
        data = json.loads(text or "{}")
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        if "kinds" in values:
            values["kinds"] = tuple(values["kinds"])
        return cls(**values)
