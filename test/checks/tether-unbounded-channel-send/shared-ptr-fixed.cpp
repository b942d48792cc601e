// Look-alikes of a channel shared through a pointer that strand no sender:
// a buffer with room for every push; a pop on every path; the pointer handed
// to a function that pops every value (it escapes: no claim); the pointer
// moved into an init-capture (a new variable the check does not follow); a
// null pointer; a task that takes the pointer as its parameter and pops.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -config="{CheckOptions: {tether-unbounded-channel-send.ChannelTypes: 'boost::fibers::unbuffered_channel;boost::fibers::buffered_channel', tether-unbounded-channel-send.SendFunctions: 'boost::fibers::unbuffered_channel::push;boost::fibers::buffered_channel::push', tether-unbounded-channel-send.RecvFunctions: 'boost::fibers::unbuffered_channel::pop;boost::fibers::unbuffered_channel::value_pop;boost::fibers::buffered_channel::pop;boost::fibers::buffered_channel::value_pop', tether-unbounded-channel-send.CloseFunctions: 'boost::fibers::unbuffered_channel::close;boost::fibers::buffered_channel::close'}}" -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>

#include <boost/fiber/buffered_channel.hpp>
#include <boost/fiber/unbuffered_channel.hpp>
#include <memory>

using answer_channel = boost::fibers::unbuffered_channel<int>;

int buffered_enough() {
  auto answers = std::make_shared<boost::fibers::buffered_channel<int>>(4);
  for (int i = 0; i < 3; ++i)
    tether::go([answers, i] { answers->push(i); });
  return answers->value_pop();
}

int pops_on_every_path(bool fail) {
  auto answers = std::make_shared<answer_channel>();
  tether::go([answers] { answers->push(1); });
  int value = answers->value_pop();
  if (fail)
    return -1;
  return value;
}

void pop_all(const std::shared_ptr<answer_channel> &answers, int n) {
  for (int i = 0; i < n; ++i)
    (void)answers->value_pop();
}

int handed_to_a_drainer() {
  auto answers = std::make_shared<answer_channel>();
  for (int i = 0; i < 3; ++i)
    tether::go([answers, i] { answers->push(i); });
  pop_all(answers, 3);
  return 0;
}

int init_captured() {
  auto answers = std::make_shared<answer_channel>();
  tether::go([answers] { answers->push(1); });
  tether::go([popper = answers] { (void)popper->value_pop(); });
  return 0;
}

int null_pointer() {
  std::shared_ptr<answer_channel> answers;
  if (answers)
    tether::go([answers] { answers->push(1); });
  return 0;
}

void popper(std::shared_ptr<answer_channel> answers) { (void)answers->value_pop(); }

int parameter_of_a_task() {
  auto answers = std::make_shared<answer_channel>();
  tether::go(popper, answers);
  answers->push(1);
  return 0;
}

int main() {
  buffered_enough();
  pops_on_every_path(true);
  handed_to_a_drainer();
  init_captured();
  null_pointer();
  parameter_of_a_task();
  tether::sleep(std::chrono::milliseconds(20));
  report_channel_leaks();
}
// RUNTIME: no leaks
