"""Crowd words (coder.crowds lexicon): the kinds of people a protest report names."""

from __future__ import annotations

import pytest

from coder.crowds import crowd_kinds, same_crowd


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        (["daily", "wagers"], "worker"),
        (["sewage", "department"], "municipal"),
        (["port", "employees"], "port"),
        (["dockworkers"], "port"),
    ],
)
def test_crowd_words_name_kinds(words, kind):
    assert kind in crowd_kinds(words)


def test_port_and_sewage_workers_are_two_crowds():
    assert not same_crowd(crowd_kinds(["port", "workers"]), crowd_kinds(["sewage", "workers"]))
    assert same_crowd(crowd_kinds(["dock", "workers"]), crowd_kinds(["port", "employees"]))
