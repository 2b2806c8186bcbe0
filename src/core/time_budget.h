// A time budget for work done on one thread: the processor time that thread
// spends from when the budget is made (what the work costs, the same however
// busy the machine is), with a wall-clock bound as the guard against a hang
// (work that waits rather than computes).
//
// The thread's own clock, not the process's: tesseract is built with OpenMP
// here (libgomp), and a document read alone runs its LSTM on several
// threads, whose spinning and hand-offs a process clock would count. On the
// 2-core machine of issue 21, under load, a page took 1.2-1.8 s on one
// thread (OMP_THREAD_LIMIT=1); with OpenMP, 5.3-7.5 s of process time but
// 1.8-2.6 s of the reading thread's. Readers side by side (a batch, CI) run
// one thread each, where the two clocks agree.
#pragma once

#include <chrono>

namespace dossier {

// The processor time this thread has used.
std::chrono::nanoseconds thread_cpu_time();

class TimeBudget {
public:
    using milliseconds = std::chrono::milliseconds;

    // `processor` of this thread's time from now; at most `wall` on the clock.
    TimeBudget(milliseconds processor, milliseconds wall);

    // A budget from now that ends at the latest when this one does.
    TimeBudget within(milliseconds processor, milliseconds wall) const;

    bool processor_spent() const { return thread_cpu_time() >= processor_end_; }
    bool wall_spent() const { return std::chrono::steady_clock::now() >= wall_end_; }
    bool spent() const { return processor_spent() || wall_spent(); }

    // For tesseract's ETEXT_DESC::cancel, `budget` being its cancel_this: whether it is spent.
    static bool cancel(void* budget, int words);

private:
    TimeBudget() = default;
    std::chrono::nanoseconds processor_end_{};
    std::chrono::steady_clock::time_point wall_end_{};
};

}  // namespace dossier
