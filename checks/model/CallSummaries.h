//===--- CallSummaries.h - tether clang-tidy --------------------*- C++ -*-===//
//
// The call graph of a translation unit (analysis/CallGraph.h) with what the
// API model adds: whether a function blocks without a deadline and whether
// it observes a stop signal of the API, through any depth of calls. A check
// gets the unit's summaries from TetherCheck::summaries(Ctx): built on first
// use, dropped at the end of the unit.
//
// API (besides CallGraph's Reads, Writes, Opaque, CallsIndirect, pathTo):
//   S->has(Blocks), S->Witness[Blocks]  a call that blocks with no deadline
//                                       (BlockingCalls.h), here or below
//   S->has(UsesStopSignal)              uses a stop token or source, a
//                                       context or a channel, selects, or
//                                       calls `stop_requested`
//   S->has(HasErrors)                   code with compile errors: too little
//                                       is known to report anything
//   S->has(JoinsThread)                 joins a thread or waits for a future
//   S->has(analysis::ForeverLoop)       a loop whose condition is always true
//   S->has(analysis::MayLeave)          a throw or [[noreturn]] call
//   mayObserve(Facts, Var)              reads `Var`, or calls code unknown
//                                       here that may read it
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_MODEL_CALLSUMMARIES_H
#define TETHER_CHECKS_MODEL_CALLSUMMARIES_H

#include "ApiModel.h"
#include "analysis/CallGraph.h"

namespace clang::tidy::tether::model {

/// The properties the API model adds to the call graph's.
enum SummaryProperty : unsigned {
  /// A call that can block its thread with no deadline.
  Blocks = analysis::FirstClientProperty,
  /// A stop token or source, a context or a channel used (a receive ends
  /// when the channel is closed, a send throws), a select, a stop check.
  UsesStopSignal,
  /// An expression or declaration with compile errors.
  HasErrors,
  /// A wait for another thread: `join` of a `std::thread` or
  /// `std::jthread`, `wait` or `get` of a future.
  JoinsThread,
};

/// True if `D` belongs to the runtime library (namespaces std and tether),
/// which the model describes rather than the checks analyse.
bool isRuntimeLibrary(const Decl *D);

class CallSummaries : public analysis::CallGraph {
public:
  CallSummaries(const ApiModel &Model, ASTContext &Ctx);

  /// Calls `Visit(Fn, Via)` on each function `Root` calls, at any depth,
  /// whose code or callees have `Property`: once each, breadth-first, `Via`
  /// the shortest path of calls from `Root`. Not followed: lambdas the code
  /// only stores (they run elsewhere), the runtime library (modelled, not
  /// analysed), invalid declarations and `Skip`. Stops when `Visit` returns
  /// false.
  void
  forEachCalleeWith(unsigned Property, const FunctionDecl *Root,
                    const FunctionDecl *Skip,
                    llvm::function_ref<bool(const FunctionDecl *,
                                            llvm::ArrayRef<analysis::CallEdge>)>
                        Visit);
};

/// True if code with `F` may read `Var` (a field or global): it reads it,
/// directly or through a call, or it calls code this unit cannot see that
/// could (a function without a body here that can reach `Var`: any for a
/// global, the members and friends of the field's class otherwise; a call
/// through a pointer, a `std::function` or a virtual member).
bool mayObserve(const analysis::Facts &F, const ValueDecl *Var);

} // namespace clang::tidy::tether::model

#endif // TETHER_CHECKS_MODEL_CALLSUMMARIES_H
