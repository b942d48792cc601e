//===--- StrandedProducerCheck.cpp - tether clang-tidy --------------------===//
//
// Part of tether: clang-tidy checks for the C++ analogues of goroutine leaks.
//
// The check starts from a notification (`cv.notify_all()`, or a project
// condition variable's notify/signal) and asks two questions of it; and from
// a blocking push into a bounded library queue.
//
// As a stop path: the function sets flags to constants (`stopped = true`,
// `running_.store(false)`); a flag that the waiters on the notified
// condition variable check is a stop flag, and those waiters are the
// consumers, which exit once it is set. A wait on another condition variable
// that only the consumers notify (the consumers make room: `not_full`) is a
// producer's wait for room. It is stranded when its condition does not read
// the stop flag or anything else the stop path writes, and the stop path
// (or a member function it calls) does not notify its condition variable.
//
// As a producer: the function pushes into a container the consumers' waits
// check, and exits early on a stop flag (`if (stop) throw ...;`), but checks
// the flag outside the scoped lock that guards the push: the stop path can
// run in between, the consumers drain the queue and exit, and the work
// pushed next is never taken.
//
// A blocking push into a bounded queue (Boost's sync_bounded_queue,
// BlockingQueueTypes) is stranded when the consumers take from the queue in
// a loop that checks a flag, and a stop path sets that flag without any call
// on the queue (no close, abort or drain): nothing wakes the full queue's
// producer once the consumers have left.
//
// All of it is judged from the translation unit alone; a stop path in
// another file is not seen.
//
//===----------------------------------------------------------------------===//

#include "StrandedProducerCheck.h"
#include "analysis/ValueFlow.h"
#include "model/Matchers.h"
#include "model/ScopedLocks.h"
#include "model/StopPaths.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::tether {

using model::CvCall;
using model::FlagSet;
using model::FunctionWrites;
using model::guardsOn;
using model::HeldLock;
using model::isBlockingPushName;
using model::isBlockingQueue;
using model::isFlagType;
using model::isPopName;
using model::locksByHand;
using model::Push;
using model::pushesOf;
using model::QueueCall;
using model::scopedLocksAt;
using model::StopFlag;
using model::stopFlagsOf;
using model::strandedBy;
using model::writesOf;

StrandedProducerCheck::StrandedProducerCheck(StringRef Name,
                                             ClangTidyContext *Context)
    : TetherCheck(Name, Context, /*ModelOptions=*/0),
      Sync{model::NameList(Options.get("ConditionVariableTypes", "")),
           model::NameList(Options.get("MutexTypes", ""))},
      BlockingQueueTypes(Options.get("BlockingQueueTypes", "")) {}

StrandedProducerCheck::~StrandedProducerCheck() = default;

void StrandedProducerCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  TetherCheck::storeOptions(Opts);
  Options.store(Opts, "ConditionVariableTypes",
                Sync.ConditionVariableTypes.raw());
  Options.store(Opts, "MutexTypes", Sync.MutexTypes.raw());
  Options.store(Opts, "BlockingQueueTypes", BlockingQueueTypes.raw());
}

void StrandedProducerCheck::registerCheckMatchers(MatchFinder *Finder) {
  auto Method = [](const FunctionDecl &F) -> const CXXMethodDecl * {
    const auto *M = dyn_cast<CXXMethodDecl>(&F);
    return M && M->getIdentifier() ? M : nullptr;
  };
  model::addRoleMatcher<CallExpr>(
      Finder,
      {model::calleeRole("notify",
                         [this, Method](const FunctionDecl &F) {
                           const CXXMethodDecl *M = Method(F);
                           return M && model::isNotifyName(M->getName()) &&
                                  Sync.isConditionVariable(M->getParent());
                         }),
       model::calleeRole("push",
                         [this, Method](const FunctionDecl &F) {
                           const CXXMethodDecl *M = Method(F);
                           return M && isBlockingPushName(M->getName()) &&
                                  isBlockingQueue(M->getParent(),
                                                  BlockingQueueTypes);
                         })},
      this);
}

void StrandedProducerCheck::forgetUnit() {
  Waits = nullptr;
  Notifies.reset();
}

void StrandedProducerCheck::indexUnit(ASTContext &Ctx) {
  if (Waits)
    return;
  Waits = &model::ConditionWaitIndex::of(Sync, Ctx);
  Notifies =
      std::make_unique<model::SyncCallIndex>(Sync, BlockingQueueTypes, Ctx);
}

void StrandedProducerCheck::check(const MatchFinder::MatchResult &Result) {
  std::optional<MatchScope> Scope = scopeOf(Result);
  if (!Scope || !Scope->Fn || !Scope->Fn->getBody())
    return;
  ASTContext &Ctx = *Result.Context;
  if (const auto *Push = Result.Nodes.getNodeAs<CXXMemberCallExpr>("push")) {
    if (const ValueDecl *Queue =
            analysis::storageOf(Push->getImplicitObjectArgument())) {
      indexUnit(Ctx);
      reportBlockedPush(Push, Scope->Fn, Queue, Ctx);
    }
    return;
  }
  const auto *Wake = Result.Nodes.getNodeAs<CXXMemberCallExpr>("notify");
  const ValueDecl *Cv =
      Wake ? analysis::storageOf(Wake->getImplicitObjectArgument()) : nullptr;
  if (!Cv)
    return;
  indexUnit(Ctx);
  reportStrandedWaits(Scope->Fn, Cv, Ctx);
  reportPushAfterStop(Scope->Fn, Cv, Ctx);
}

namespace {

/// What the diagnostics call a function: its name, or "the stop path" for
/// a lambda.
void streamFunction(const DiagnosticBuilder &Diag, const FunctionDecl *Fn) {
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Fn);
      Method && Method->getParent()->isLambda())
    Diag << "the stop path";
  else
    Diag << Fn;
}

} // namespace

void StrandedProducerCheck::reportStrandedWaits(const FunctionDecl *Stop,
                                                const ValueDecl *Cv,
                                                ASTContext &Ctx) {
  const auto *ConsumerWaits = Waits->waitsOn(Cv);
  if (!ConsumerWaits)
    return;
  FunctionWrites StopWrites = writesOf(Stop, Ctx);
  if (StopWrites.Errors)
    return;
  llvm::SmallVector<StopFlag, 1> Flags =
      stopFlagsOf(StopWrites, *ConsumerWaits, *Notifies);
  if (Flags.empty())
    return;
  const StopFlag &Flag = Flags.front();
  // The functions the consumers wait in.
  llvm::SmallPtrSet<const FunctionDecl *, 4> ConsumerFns;
  for (const model::ConditionWait &Wait : *ConsumerWaits)
    if (const FunctionDecl *Fn = Notifies->functionOf(Wait.Call))
      ConsumerFns.insert(Fn);
  const SourceManager &SM = Ctx.getSourceManager();
  for (const auto &Entry : Waits->all()) {
    if (Entry.first == Cv)
      continue;
    for (const model::ConditionWait &Wait : Entry.second) {
      const CvCall *Room =
          strandedBy(Wait, Stop, StopWrites, ConsumerFns, *Notifies);
      if (!Room || !claim(Wait.Call->getBeginLoc(), SM))
        continue;
      {
        auto Warning = diag(Wait.Call->getBeginLoc(),
                            "this wait on %0 for room in the queue can block "
                            "forever: %1 lets the consumers exit, and the "
                            "wait neither checks %2 nor is woken by %1");
        Warning << Wait.Cv;
        streamFunction(Warning, Stop);
        Warning << Flag.Set.Flag;
      }
      diag(Flag.CheckedAt->getExprLoc(), "the consumers check %0 here and exit",
           DiagnosticIDs::Note)
          << Flag.Set.Flag;
      diag(Room->Call->getExprLoc(),
           "only the consumers make room: they notify %0 here",
           DiagnosticIDs::Note)
          << Wait.Cv;
      auto Set = diag(Flag.Set.Write->getExprLoc(),
                      "%0 sets %1 here and wakes the consumers; check %1 in "
                      "the wait's condition, or notify %2 after setting it",
                      DiagnosticIDs::Note);
      streamFunction(Set, Stop);
      Set << Flag.Set.Flag << Wait.Cv;
    }
  }
}

void StrandedProducerCheck::reportPushAfterStop(const FunctionDecl *Producer,
                                                const ValueDecl *Cv,
                                                ASTContext &Ctx) {
  const auto *ConsumerWaits = Waits->waitsOn(Cv);
  if (!ConsumerWaits)
    return;
  llvm::ArrayRef<model::ConditionWait> Consumers = *ConsumerWaits;
  llvm::SmallVector<Push, 1> Pushes = pushesOf(Producer, Consumers);
  if (Pushes.empty())
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  const Stmt *Body = Producer->getBody();
  auto Report = [&](const Push &P, const HeldLock &Lock, const IfStmt *Guard,
                    const StopFlag &Flag, const FunctionDecl *Stop) {
    diag(P.Call->getBeginLoc(),
         "work pushed to %0 after its consumers have exited is never taken: "
         "%1 is checked without holding %2, the lock that guards the push")
        << P.Queue << Flag.Set.Flag << Lock.Mutex;
    diag(Guard->getCond()->getExprLoc(),
         "%0 is checked here; check it after taking the lock, in the same "
         "critical section as the push",
         DiagnosticIDs::Note)
        << Flag.Set.Flag;
    {
      auto Set =
          diag(Flag.Set.Write->getExprLoc(),
               "%0 sets %1 here and wakes the consumers", DiagnosticIDs::Note);
      streamFunction(Set, Stop);
      Set << Flag.Set.Flag;
    }
    diag(Flag.CheckedAt->getExprLoc(), "the consumers check %0 here and exit",
         DiagnosticIDs::Note)
        << Flag.Set.Flag;
  };
  // The stop paths: other functions that wake the consumers after setting
  // a flag they exit on.
  for (const CvCall &Wake : Notifies->notifiesOf(Cv)) {
    if (!Wake.Fn || Wake.Fn == Producer || !Wake.Fn->getBody())
      continue;
    FunctionWrites StopWrites = writesOf(Wake.Fn, Ctx);
    if (StopWrites.Errors)
      continue;
    for (const StopFlag &Flag : stopFlagsOf(StopWrites, Consumers, *Notifies))
      for (const IfStmt *Guard : guardsOn(Producer, Flag.Set.Flag))
        for (const Push &P : Pushes) {
          if (!SM.isBeforeInTranslationUnit(Guard->getBeginLoc(),
                                            P.Call->getBeginLoc()))
            continue;
          llvm::SmallVector<HeldLock, 2> AtPush =
              scopedLocksAt(P.Call, Body, Sync, Ctx);
          llvm::SmallVector<HeldLock, 2> AtGuard =
              scopedLocksAt(Guard, Body, Sync, Ctx);
          for (const HeldLock &Lock : AtPush) {
            if (locksByHand(Producer, Lock.Mutex) ||
                llvm::any_of(AtGuard, [&](const HeldLock &G) {
                  return G.Lock == Lock.Lock;
                }))
              continue;
            if (claim(P.Call->getBeginLoc(), SM))
              Report(P, Lock, Guard, Flag, Wake.Fn);
            break;
          }
        }
  }
}

void StrandedProducerCheck::reportBlockedPush(const CallExpr *Push,
                                              const FunctionDecl *Producer,
                                              const ValueDecl *Queue,
                                              ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  for (const QueueCall &Take : Notifies->callsOn(Queue)) {
    // A consumer: takes from the queue in a loop that checks a flag.
    if (!isPopName(Take.Name) || Take.Fn == Producer)
      continue;
    for (const Expr *Loop : Take.Loops) {
      analysis::Reads Checked;
      analysis::collectReads(Loop, nullptr, Checked,
                             /*FollowMemberCalls=*/true);
      for (const auto &[Flag, CheckedAt] : Checked) {
        if (!isFlagType(Flag->getType()))
          continue;
        // A stop path: sets the flag and leaves the queue as it is.
        for (const FlagSet &Set : Notifies->setsOf(Flag)) {
          if (!Set.Fn || Set.Fn == Producer || Set.Fn == Take.Fn ||
              !Set.Fn->getBody() || Notifies->uses(Set.Fn, Queue) ||
              !claim(Push->getBeginLoc(), SM))
            continue;
          {
            auto Warning =
                diag(Push->getBeginLoc(),
                     "this push into %0 can block forever: %1 lets the "
                     "consumers exit, and nothing takes from or closes the "
                     "full queue after that");
            Warning << Queue;
            streamFunction(Warning, Set.Fn);
          }
          diag(CheckedAt->getExprLoc(), "the consumers check %0 here and exit",
               DiagnosticIDs::Note)
              << Flag;
          {
            auto Note = diag(Set.Write->getExprLoc(),
                             "%0 sets %1 here without closing %2; close the "
                             "queue there, or push with a timeout",
                             DiagnosticIDs::Note);
            streamFunction(Note, Set.Fn);
            Note << Flag << Queue;
          }
          return;
        }
      }
    }
  }
}

} // namespace clang::tidy::tether
