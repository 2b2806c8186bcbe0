// Time budgets (core/time_budget.h): the processor time of the thread that
// works, not the time on the clock while it waits; and the clock's bound.
#include "core/time_budget.h"

#include <doctest/doctest.h>

#include <thread>

using namespace dossier;
using namespace std::chrono_literals;

namespace {

// Works on this thread for about `d` of its processor time.
void work_for(std::chrono::nanoseconds d) {
    const auto until = thread_cpu_time() + d;
    volatile unsigned x = 0;
    while (thread_cpu_time() < until) x = x + 1;
}

}  // namespace

TEST_CASE("time budget: waiting spends no processor time, working does") {
    const TimeBudget budget(40ms, 10s);
    std::this_thread::sleep_for(80ms);  // twice the budget on the clock, as on a busy machine
    CHECK_FALSE(budget.spent());
    work_for(50ms);
    CHECK(budget.processor_spent());
    CHECK_FALSE(budget.wall_spent());
    CHECK(TimeBudget::cancel(const_cast<TimeBudget*>(&budget), 0));
}

TEST_CASE("time budget: the clock bounds a reading that waits") {
    const TimeBudget budget(10s, 30ms);
    CHECK_FALSE(TimeBudget::cancel(const_cast<TimeBudget*>(&budget), 0));
    std::this_thread::sleep_for(50ms);
    CHECK(budget.wall_spent());
    CHECK_FALSE(budget.processor_spent());
    CHECK(budget.spent());
}

TEST_CASE("time budget: a budget within another ends when it does") {
    const TimeBudget outer(30ms, 10s);
    const TimeBudget inner = outer.within(10s, 10s);
    CHECK_FALSE(inner.spent());
    work_for(40ms);
    CHECK(inner.processor_spent());
    const TimeBudget short_one = TimeBudget(10s, 10s).within(20ms, 10s);
    work_for(30ms);
    CHECK(short_one.processor_spent());
}
