"""Time compute_metrics on 100,000 synthetic customers.

The store recomputes every customer's metrics in one go (after an import, on a new
day), so this must stay well under a second on a modest laptop; the budget is 0.8 s
for 100,000 customers on a 2-core machine. Data comes from a fixed seed so runs are
comparable. Two books are timed: a "typical" one (most customers served recently, a
few problems) and a "neglected" one where nearly every customer has several health
problems, the slow path, so a regression in either shows.

Run: python benchmarks/bench_scoring.py [N]
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

# Runnable from a checkout without installing the package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kamdesk.domain.scoring import CustomerFacts, compute_metrics
from kamdesk.domain.tiering_settings import TieringSettings

TODAY = date(2024, 3, 20)


def _days_ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def typical_facts(n: int, seed: int = 20240320) -> list[CustomerFacts]:
    """Revenue is Pareto-shaped (few large accounts), contacts mostly within weeks,
    about one in five customers quiet for months, complaints and credit trouble rare."""
    rng = random.Random(seed)
    facts: list[CustomerFacts] = []
    for cid in range(1, n + 1):
        traded = rng.random() < 0.9
        revenue = int(rng.paretovariate(1.2) * 1_000_000) if traded else 0
        limit = rng.choice((None, None, 5_000_000, 20_000_000))
        facts.append(CustomerFacts(
            customer_id=cid,
            revenue_window=revenue,
            revenue_prev_window=int(revenue * rng.uniform(0.6, 1.4)),
            order_count_window=rng.randrange(1, 40) if traded else 0,
            last_trade=_days_ago(min(900, int(rng.expovariate(1 / 60)))) if traded else None,
            last_interaction=(
                _days_ago(min(900, int(rng.expovariate(1 / 35)))) if rng.random() < 0.97
                else None
            ),
            cooperation_start=_days_ago(rng.randrange(30, 3000)),
            potential=rng.choice(("high", "medium", "low")),
            people_contacted_180d=rng.randrange(1, 6),
            days_since_decision_maker_contact=(
                int(rng.expovariate(1 / 45)) if rng.random() < 0.85 else None
            ),
            overdue_complaints=1 if rng.random() < 0.05 else 0,
            last_csat=rng.choice((None, None, 3.5, 4.0, 4.5, 5.0)),
            last_nps=rng.choice((None, None, 6, 8, 9, 10)),
            credit_limit=limit,
            credit_exposure=int(limit * rng.uniform(0, 1.1)) if limit else 0,
            last_executive_visit=_days_ago(rng.randrange(0, 200)) if rng.random() < 0.5 else None,
            last_satisfaction_check=(
                _days_ago(rng.randrange(0, 200)) if rng.random() < 0.5 else None
            ),
        ))
    return facts


def neglected_facts(n: int, seed: int = 20240320) -> list[CustomerFacts]:
    """Contacts and trades spread over two years, frequent complaints, poor scores and
    credit strain: about four health reasons per customer."""
    rng = random.Random(seed)
    facts: list[CustomerFacts] = []
    for cid in range(1, n + 1):
        traded = rng.random() < 0.85
        revenue = int(rng.paretovariate(1.2) * 1_000_000) if traded else 0
        limit = rng.choice((None, 0, 5_000_000, 20_000_000))
        facts.append(CustomerFacts(
            customer_id=cid,
            revenue_window=revenue,
            revenue_prev_window=int(revenue * rng.uniform(0.3, 1.8)),
            order_count_window=rng.randrange(1, 60) if traded else 0,
            last_trade=_days_ago(rng.randrange(0, 720)) if traded else None,
            last_interaction=_days_ago(rng.randrange(0, 400)) if rng.random() < 0.9 else None,
            cooperation_start=_days_ago(rng.randrange(30, 3000)),
            potential=rng.choice(("high", "medium", "low")),
            people_contacted_180d=rng.randrange(0, 6),
            days_since_decision_maker_contact=(
                rng.randrange(0, 400) if rng.random() < 0.7 else None
            ),
            overdue_complaints=rng.choice((0, 0, 0, 0, 1, 2)),
            last_csat=rng.choice((None, 2.0, 3.5, 4.5)),
            last_nps=rng.choice((None, 3, 8, 10)),
            credit_limit=limit,
            credit_exposure=rng.randrange(0, 25_000_000) if limit is not None else 0,
            last_executive_visit=_days_ago(rng.randrange(0, 200)) if rng.random() < 0.3 else None,
        ))
    return facts


def _time(facts: list[CustomerFacts], runs: int = 7) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds per run. CPU time is reported too because on a shared
    machine other processes stretch the wall clock while the work itself is unchanged."""
    settings = TieringSettings()
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        metrics = compute_metrics(facts, settings, TODAY)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        assert len(metrics) == len(facts)
        del metrics
    return wall, cpu


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    for name, build in (("typical", typical_facts), ("neglected", neglected_facts)):
        wall, cpu = _time(build(n))
        print(f"compute_metrics, {n:,} customers, {name} book: "
              f"wall median {statistics.median(wall):.3f} s (best {min(wall):.3f}, "
              f"worst {max(wall):.3f}), CPU median {statistics.median(cpu):.3f} s, "
              f"{len(wall)} runs")


if __name__ == "__main__":
    main()
