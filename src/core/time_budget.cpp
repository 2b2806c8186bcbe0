#include "core/time_budget.h"

#include <time.h>

#include <algorithm>

namespace dossier {

std::chrono::nanoseconds thread_cpu_time() {
    timespec t{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return std::chrono::seconds(t.tv_sec) + std::chrono::nanoseconds(t.tv_nsec);
}

TimeBudget::TimeBudget(milliseconds processor, milliseconds wall)
    : processor_end_(thread_cpu_time() + processor), wall_end_(std::chrono::steady_clock::now() + wall) {}

TimeBudget TimeBudget::within(milliseconds processor, milliseconds wall) const {
    TimeBudget b;
    b.processor_end_ = std::min(processor_end_, thread_cpu_time() + processor);
    b.wall_end_ = std::min(wall_end_, std::chrono::steady_clock::now() + wall);
    return b;
}

bool TimeBudget::cancel(void* budget, int) { return static_cast<const TimeBudget*>(budget)->spent(); }

}  // namespace dossier
