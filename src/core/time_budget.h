// A time budget for work done on one thread: the processor time that thread
// spends from when the budget is made (what the work costs, the same however
// busy the machine is), with a wall-clock bound as the guard against a hang
// (work that waits rather than computes).
//
// The thread's own clock, not the process's: the reading is the thread's
// work, whatever else the process runs (tesseract is built with OpenMP here;
// facts/ocr.cpp keeps its loops on the reading thread).
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
