//===--- WaitedState.h - tether clang-tidy ----------------------*- C++ -*-===//
//
// State that a thread waits for and another releases: a flag or counter read
// by a polling loop (`while (!ready) sleep_for(...)`, a spin on an atomic), by
// the loop around an untimed condition wait, or by a wait's predicate; the
// writes of that state, sorted into the ones that end the wait (releases)
// and the ones that start it again (sets); and the threads a function starts
// with a function of the unit as their body.
//
// The question tether-skipped-release and tether-unreleased-wait share, "does
// every path of the releaser reach the release?", is `strandingExit`: the
// obligation search of analysis/ObligationPaths.h, with the exceptions of
// calls that may throw as exits.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_MODEL_WAITEDSTATE_H
#define TETHER_CHECKS_MODEL_WAITEDSTATE_H

#include "analysis/ObligationPaths.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <optional>

namespace clang::tidy::tether::model {

/// The value a write gives a flag or counter, as far as a waiter can tell:
/// `Set` (true, non-zero, incremented), `Cleared` (false, zero,
/// decremented) or `Unknown` (anything else).
enum class StateValue { Unknown, Set, Cleared };

/// A wait for `State`: it ends when a write of `Release` (or of an unknown
/// value) happens.
struct StateWait {
  const Stmt *At = nullptr; ///< the loop, or the wait call with a predicate
  const FunctionDecl *Fn = nullptr;
  const ValueDecl *State = nullptr;
  StateValue Release = StateValue::Unknown;
  bool Timed = false;   ///< a deadline, a clock or a counter bounds it
  bool Polling = false; ///< a sleep or spin loop, not a condition wait
};

/// A write of a waited-for state, or a call of a function that makes one.
struct StateWrite {
  const Stmt *At = nullptr; ///< the write (or call) as written
  /// The function the write belongs to: the enclosing one, or for a write
  /// in a scope guard's lambda the function declaring the guard.
  const FunctionDecl *Fn = nullptr;
  /// The statement of `Fn` where the write takes effect for every later
  /// exit: the write itself, the guard's declaration, or the call.
  const Stmt *Point = nullptr;
  const ValueDecl *State = nullptr;
  StateValue Value = StateValue::Unknown;
  bool ByGuard = false; ///< in a scope guard's lambda (runs at scope exit)
  bool ViaCall = false; ///< a call of a function of the unit that writes it
};

/// A thread started with a function of the unit as its body.
struct ThreadStart {
  const Stmt *At = nullptr;
  const FunctionDecl *Spawner = nullptr;
  const FunctionDecl *Body = nullptr;
};

/// The waits, writes and thread starts of one translation unit (outside
/// system headers, template patterns rather than instantiations), built on
/// first use and shared by the checks until `forget()`.
class WaitedStates {
public:
  static WaitedStates &of(ASTContext &Ctx);
  /// Drops the unit's index; called at the end of each translation unit.
  static void forget();

  llvm::ArrayRef<StateWait> waits() const { return Waits; }
  /// The writes of `State`, direct ones and calls of functions making one.
  llvm::ArrayRef<StateWrite> writesOf(const ValueDecl *State) const;
  /// True if the waiter's own function writes the state it waits for (the
  /// destructor that sets `requests_to_wait_ = n` and waits for it to drop
  /// to zero): it counts the parties it waits for, and which paths of theirs
  /// must release is a fact of that count, not of their code.
  bool armedByWaiter(const StateWait &Wait) const;
  /// The waits that can hang: without a deadline, and not armed by the
  /// waiter itself. What both standard-C++ release checks start from.
  llvm::SmallVector<const StateWait *, 4> waitsThatCanHang() const;

  /// The writes that belong to `Fn`, of any state.
  llvm::SmallVector<StateWrite, 4> writesIn(const FunctionDecl *Fn) const;
  llvm::ArrayRef<ThreadStart> threadStarts() const { return Starts; }

  /// True if `Call` (a statement of a function of the unit) may throw out of
  /// its function: it is not in a `try` block there, its callee is not
  /// `noexcept`, and it invokes a `std::function`, or the callee's body (or
  /// that of a function it calls, MaxThrowDepth levels deep) throws.
  bool mayThrow(const Stmt *Call);

  /// A path of `Fn` from `Start` (null: from its entry) to an exit on which
  /// none of `Releases` (writes of `Fn`) takes effect; the exceptions of
  /// calls that may throw count as exits unless `Fn` cannot throw. This is
  /// "does every path of the releaser reach the release?".
  std::optional<analysis::LeakingExit>
  strandingExit(analysis::FunctionPaths &Paths, const FunctionDecl *Fn,
                const Stmt *Start, llvm::ArrayRef<const StateWrite *> Releases);

  /// True if `Value` ends a wait for `Release`.
  static bool releases(StateValue Value, StateValue Release) {
    return Value == StateValue::Unknown || Release == StateValue::Unknown ||
           Value == Release;
  }
  /// True if `Value` starts a wait for `Release` again (the opposite value).
  static bool sets(StateValue Value, StateValue Release) {
    return Value != StateValue::Unknown && Release != StateValue::Unknown &&
           Value != Release;
  }

  class Builder;

private:
  explicit WaitedStates(ASTContext &Ctx);
  bool bodyThrows(const FunctionDecl *Fn, unsigned Depth);

  ASTContext &Ctx;
  llvm::SmallVector<StateWait, 4> Waits;
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<StateWrite, 2>> Writes;
  llvm::SmallVector<ThreadStart, 2> Starts;
  /// Calls lexically in a `try` block of their function.
  llvm::DenseSet<const Stmt *> InTry;
  llvm::DenseMap<std::pair<const FunctionDecl *, unsigned>, bool> Throws;
  /// How deep below a call `mayThrow` looks for a throw: `validate()` calls
  /// `router.validate()`, which calls `trie.validate()`, which throws.
  static constexpr unsigned MaxThrowDepth = 2;
};

} // namespace clang::tidy::tether::model

#endif // TETHER_CHECKS_MODEL_WAITEDSTATE_H
