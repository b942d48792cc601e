// Build-wide configuration of the tether runtime and the annotation vocabulary
// shared with the tether clang-tidy checks.
#pragma once

// TETHER_ANNOTATE marks declarations with their concurrency role so that the
// tether clang-tidy checks recognise them. Third-party libraries may use the
// same strings (see docs/checks/README.md for the vocabulary):
//   tether::channel             class: a channel type
//   tether::make_channel        function: makes a channel, first argument is
//                               the capacity
//   tether::blocking_send       function: a send that blocks until received
//                               or buffered
//   tether::blocking_recv       function: a receive that blocks until a value
//                               or close
//   tether::try_send, tether::try_recv
//                               functions: non-blocking channel operations
//   tether::close               function: closes a channel
//   tether::cancellable         function: a blocking call that takes a
//                               context or stop token
//   tether::spawn               function or constructor: starts a task; first
//                               callable argument is its body
//   tether::select              function: a select statement
//   tether::select_recv_case, tether::select_send_case,
//   tether::select_done_case, tether::select_default_case
//                               functions: its cases
//   tether::ticker              class: a repeating timer that must be stopped
//   tether::ticker_stop         function: stops a ticker
//   tether::unstoppable_ticker  function: returns a channel fed by a ticker
//                               that never stops
//   tether::one_shot_timer      function: returns a channel fed once after a
//                               duration
//   tether::context             class: a cancellation context
//   tether::context_factory     function: returns a pair of a context and its
//                               cancel function
//   tether::cancel_func         class: a cancel function that must be called
//   tether::blocking_sleep      function: sleeps without observing
//                               cancellation
//   tether::blocking_wait       function: waits for other tasks (wait_group,
//                               group)
//   tether::lives_forever       function: a task body meant to run for the
//                               whole program
#if defined(__has_cpp_attribute)
#if __has_cpp_attribute(clang::annotate)
#define TETHER_ANNOTATE(role) [[clang::annotate(role)]]
#endif
#endif
#ifndef TETHER_ANNOTATE
#define TETHER_ANNOTATE(role)
#endif
