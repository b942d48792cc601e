//===--- ChannelParties.h - tether clang-tidy -------------------*- C++ -*-===//
//
// The parties of one local channel: the function that makes it (the owner)
// and the tasks that get it, by capture or argument, at spawn sites in the
// owner or in those tasks, each with what it does to the channel. A channel
// whose every use is such a party's send, receive, range-for or close can be
// reasoned about; any other use (passed to a function, stored, copied,
// captured by a lambda that is not a task body, an init-capture) means it
// escapes. A local pointer to a channel (`std::make_shared<channel>()`,
// `std::make_unique`, `new`) is followed the same way: `*p` and `p->` are
// the channel's uses.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_MODEL_CHANNELPARTIES_H
#define TETHER_CHECKS_MODEL_CHANNELPARTIES_H

#include "ApiModel.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang::tidy::tether::model {

/// What a use of the channel does.
enum class OpKind {
  Send,       ///< a blocking send (or a select whose only cases send)
  Recv,       ///< a receive that waits until it gets a value
  GiveUpRecv, ///< a receive that can give up: a select with another case
  Range,      ///< a range-for: receives until the channel is closed
  Close,
};

struct ChannelOp {
  OpKind Kind;
  const Stmt *S;                   ///< the call, select or range-for
  SourceLocation Loc;              ///< where to point at it
  bool InLoop = false;             ///< repeats (in a loop of its party)
  unsigned Times = 1;              ///< how often its loops run (or Unbounded)
  const Stmt *LoopCond = nullptr;  ///< the outermost such loop's condition
  const Expr *OtherCase = nullptr; ///< GiveUpRecv: the case that can win
};

/// The owner, or a task that uses the channel.
struct Party {
  const FunctionDecl *Fn = nullptr;
  const Stmt *Body = nullptr;
  const ValueDecl *Var = nullptr; ///< the channel, or the task's parameter
  const Expr *Spawn = nullptr;    ///< null for the owner
  int Parent = -1;
  /// The spawn site in the owner's body from which this task descends.
  const Expr *OwnerSpawn = nullptr;
  unsigned Mult = 1; ///< how many times the task is started
  llvm::SmallVector<ChannelOp, 4> Ops;

  bool has(OpKind K) const {
    return llvm::any_of(Ops, [K](const ChannelOp &O) { return O.Kind == K; });
  }
  bool receives() const {
    return has(OpKind::Recv) || has(OpKind::GiveUpRecv) || has(OpKind::Range);
  }
  /// The party's first send, or null.
  const ChannelOp *firstSend() const;
};

/// A channel made in its owner, with its parties: the owner first, then the
/// tasks in the order their spawn sites are met.
struct ChannelParties {
  const VarDecl *Var = nullptr;
  const FunctionDecl *Owner = nullptr;
  const CallExpr *Make = nullptr;
  uint64_t Capacity = 0;
  bool CapacityKnown = false;
  bool MadeInLoop = false;
  llvm::SmallVector<Party, 4> Parties;

  /// True if party `Q` is `S` or spawned (directly or not) by it.
  bool descendsFrom(int Q, int S) const;
  /// The spawn site in party `Ancestor`'s body from which `Q` descends.
  const Expr *spawnIn(int Q, int Ancestor) const;
};

/// The parties of the local channel `Var` that `Init` makes in `Owner`;
/// nothing when the channel is not made there (the nil channel, a copy, a
/// call's result), escapes, or is used by no task.
std::optional<ChannelParties> collectChannelParties(const ApiModel &Model,
                                                    const VarDecl *Var,
                                                    const Expr *Init,
                                                    const FunctionDecl *Owner,
                                                    ASTContext &Ctx);

} // namespace clang::tidy::tether::model

#endif // TETHER_CHECKS_MODEL_CHANNELPARTIES_H
