//===--- StopPaths.cpp - tether clang-tidy --------------------------------===//

#include "StopPaths.h"
#include "analysis/ValueFlow.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::tether::model {

namespace {

/// The read of `D` in `Reads`, or null.
const Expr *readOf(const analysis::Reads &Reads, const ValueDecl *D) {
  for (const auto &[Read, E] : Reads)
    if (Read == D)
      return E;
  return nullptr;
}

/// True if `S` leaves the function: a `return` or a `throw`, alone or in
/// the block it heads.
bool exits(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ReturnStmt>(S))
    return true;
  if (const auto *E = dyn_cast<Expr>(S))
    return isa<CXXThrowExpr>(E->IgnoreParenImpCasts());
  if (const auto *Block = dyn_cast<CompoundStmt>(S))
    return llvm::any_of(Block->body(), [](const Stmt *Item) {
      return isa<ReturnStmt>(Item) ||
             (isa<Expr>(Item) &&
              isa<CXXThrowExpr>(cast<Expr>(Item)->IgnoreParenImpCasts()));
    });
  return false;
}

} // namespace

llvm::SmallVector<StopFlag, 1>
stopFlagsOf(const FunctionWrites &StopWrites,
            llvm::ArrayRef<ConditionWait> Consumers,
            const SyncCallIndex &Index) {
  llvm::SmallPtrSet<const FunctionDecl *, 4> ConsumerFns;
  for (const ConditionWait &Wait : Consumers)
    ConsumerFns.insert(Index.functionOf(Wait.Call));
  llvm::SmallVector<StopFlag, 1> Flags;
  for (const FlagWrite &W : StopWrites.Flags) {
    if (llvm::any_of(Index.setsOf(W.Flag), [&](const FlagSet &Set) {
          return ConsumerFns.contains(Set.Fn);
        }))
      continue;
    for (const ConditionWait &Wait : Consumers)
      if (const Expr *Read = readOf(Wait.Checked, W.Flag);
          Read && !Wait.Timed) {
        Flags.push_back({W, Read});
        break;
      }
  }
  return Flags;
}

llvm::SmallVector<Push, 1> pushesOf(const FunctionDecl *Fn,
                                    llvm::ArrayRef<ConditionWait> Consumers) {
  llvm::SmallVector<Push, 1> Pushes;
  analysis::forEachOwnStmt(Fn->getBody(), [&](const Stmt *S) {
    const auto *Call = dyn_cast<CallExpr>(S);
    std::optional<MemberCall> Member = Call ? memberCallOf(Call) : std::nullopt;
    if (!Member || !isPushName(Member->Name))
      return;
    const ValueDecl *Queue = analysis::storageOf(Member->Object);
    if (Queue && llvm::any_of(Consumers, [&](const ConditionWait &W) {
          return readOf(W.Checked, Queue) != nullptr;
        }))
      Pushes.push_back({Call, Queue});
  });
  return Pushes;
}

llvm::SmallVector<const IfStmt *, 1> guardsOn(const FunctionDecl *Fn,
                                              const ValueDecl *Flag) {
  llvm::SmallVector<const IfStmt *, 1> Guards;
  analysis::forEachOwnStmt(Fn->getBody(), [&](const Stmt *S) {
    const auto *If = dyn_cast<IfStmt>(S);
    if (!If || !If->getCond() || !exits(If->getThen()))
      return;
    analysis::Reads Reads;
    analysis::collectReads(If->getCond(), nullptr, Reads,
                           /*FollowMemberCalls=*/false);
    if (readOf(Reads, Flag))
      Guards.push_back(If);
  });
  return Guards;
}

const CvCall *
strandedBy(const ConditionWait &Wait, const FunctionDecl *Stop,
           const FunctionWrites &StopWrites,
           const llvm::SmallPtrSetImpl<const FunctionDecl *> &ConsumerFns,
           const SyncCallIndex &Notifies) {
  if (Wait.Timed || Wait.Checked.empty())
    return nullptr;
  const FunctionDecl *Producer = Notifies.functionOf(Wait.Call);
  if (!Producer || Producer == Stop || ConsumerFns.contains(Producer))
    return nullptr;
  const CvCall *Room = nullptr;
  for (const CvCall &N : Notifies.notifiesOf(Wait.Cv)) {
    if (!ConsumerFns.contains(N.Fn))
      return nullptr;
    Room = &N;
  }
  if (!Room || Notifies.notifies(Stop, Wait.Cv) ||
      llvm::any_of(Wait.Checked, [&](const auto &Read) {
        return StopWrites.All.contains(Read.first);
      }))
    return nullptr;
  return Room;
}

} // namespace clang::tidy::tether::model
