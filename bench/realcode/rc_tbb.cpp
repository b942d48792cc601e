// Real-code corpus TU (issue 9): oneTBB 2021 from Debian: parallel_for and
// parallel_reduce over blocked ranges, a task_group, a concurrent_queue
// drained by a std::thread consumer that stops on a sentinel, and a small
// flow graph.
#include <oneapi/tbb.h>
#include <oneapi/tbb/concurrent_hash_map.h>
#include <oneapi/tbb/concurrent_queue.h>
#include <oneapi/tbb/flow_graph.h>

#include <atomic>
#include <cmath>
#include <string>
#include <thread>
#include <vector>

namespace corpus {

double norm(const std::vector<double> &v) {
  double sq = tbb::parallel_reduce(
      tbb::blocked_range<std::size_t>(0, v.size()), 0.0,
      [&](const tbb::blocked_range<std::size_t> &r, double acc) {
        for (auto i = r.begin(); i != r.end(); ++i)
          acc += v[i] * v[i];
        return acc;
      },
      std::plus<double>());
  return std::sqrt(sq);
}

void scale(std::vector<double> &v, double k) {
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, v.size()),
                    [&](const tbb::blocked_range<std::size_t> &r) {
                      for (auto i = r.begin(); i != r.end(); ++i)
                        v[i] *= k;
                    });
}

using word_counts = tbb::concurrent_hash_map<std::string, int>;

void count_words(const std::vector<std::string> &words, word_counts &out) {
  tbb::task_group group;
  for (std::size_t chunk = 0; chunk < words.size(); chunk += 64) {
    group.run([&, chunk] {
      for (std::size_t i = chunk; i < std::min(words.size(), chunk + 64); ++i) {
        word_counts::accessor a;
        out.insert(a, words[i]);
        ++a->second;
      }
    });
  }
  group.wait();
}

long drain_queue(int n) {
  tbb::concurrent_bounded_queue<int> queue;
  queue.set_capacity(32);
  long total = 0;
  std::thread consumer([&] {
    for (;;) {
      int v;
      queue.pop(v);
      if (v < 0)
        return; // sentinel
      total += v;
    }
  });
  for (int i = 0; i < n; ++i)
    queue.push(i);
  queue.push(-1);
  consumer.join();
  return total;
}

int flow(int n) {
  tbb::flow::graph g;
  std::atomic<int> sum{0};
  tbb::flow::function_node<int, int> square(g, tbb::flow::unlimited,
                                            [](int v) { return v * v; });
  tbb::flow::function_node<int> add(g, tbb::flow::serial,
                                    [&sum](int v) { sum += v; });
  tbb::flow::make_edge(square, add);
  for (int i = 0; i < n; ++i)
    square.try_put(i);
  g.wait_for_all();
  return sum.load();
}

double run_all() {
  std::vector<double> v(10000, 1.5);
  scale(v, 2.0);
  word_counts counts;
  count_words({"a", "b", "a", "c"}, counts);
  return norm(v) + drain_queue(100) + flow(10) + counts.size();
}

} // namespace corpus
