//===--- SyncCalls.cpp - tether clang-tidy --------------------------------===//

#include "SyncCalls.h"
#include "ApiModel.h"
#include "FlagWrites.h"
#include "analysis/ValueFlow.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::tether::model {

bool isBlockingPushName(StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("push", "push_back", "wait_push", "emplace", "emplace_back", "put",
             true)
      .Default(false);
}

bool isPopName(StringRef Name) {
  std::string Lower = Name.lower();
  StringRef L = Lower;
  return L.contains("pop") || L.contains("pull") || L.contains("take") ||
         L.contains("dequeue");
}

bool isBlockingQueue(const CXXRecordDecl *Class, const NameList &Queues) {
  if (!Class || !Class->getIdentifier())
    return false;
  if (Queues.contains(Class))
    return true;
  std::string Name = Class->getQualifiedNameAsString();
  return Name == "boost::concurrent::sync_bounded_queue" ||
         Name == "boost::fibers::buffered_channel";
}

bool isPushName(StringRef Name) {
  return Name.starts_with("push") || Name.starts_with("emplace") ||
         Name.starts_with("insert");
}

std::optional<MemberCall> memberCallOf(const CallExpr *Call) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (!Method || !Method->getIdentifier())
      return std::nullopt;
    return MemberCall{Method->getName(), Member->getImplicitObjectArgument(),
                      Method->getParent()};
  }
  if (const auto *Unresolved =
          dyn_cast<UnresolvedMemberExpr>(Call->getCallee()->IgnoreParens())) {
    if (Unresolved->isImplicitAccess() ||
        !Unresolved->getMemberName().isIdentifier())
      return std::nullopt;
    return MemberCall{
        Unresolved->getMemberName().getAsIdentifierInfo()->getName(),
        Unresolved->getBase(), getRecord(Unresolved->getBaseType())};
  }
  return std::nullopt;
}

class SyncCallIndex::Builder : public RecursiveASTVisitor<Builder> {
public:
  using Base = RecursiveASTVisitor<Builder>;

  Builder(const SyncTypes &Sync, const NameList &Queues, ASTContext &Ctx,
          SyncCallIndex &Index)
      : Sync(Sync), Queues(Queues), Ctx(Ctx), SM(Ctx.getSourceManager()),
        Index(Index) {}

  // The code as written: template patterns, not instantiations.
  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitLambdaBody() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        SM.isInSystemHeader(D->getLocation()))
      return true;
    const auto *Fn = dyn_cast_or_null<FunctionDecl>(D);
    if (!Fn || !Fn->doesThisDeclarationHaveABody())
      return Base::TraverseDecl(D);
    Fns.push_back(Fn);
    bool Result = Base::TraverseDecl(D);
    Fns.pop_back();
    return Result;
  }
  bool TraverseLambdaExpr(LambdaExpr *L) {
    // A lambda's body is another function: the loops around it are not its.
    auto Saved = std::move(Loops);
    Loops.clear();
    Fns.push_back(L->getCallOperator());
    bool Result = Base::TraverseLambdaExpr(L);
    Fns.pop_back();
    Loops = std::move(Saved);
    return Result;
  }
  bool TraverseWhileStmt(WhileStmt *S) {
    return inLoop(S->getCond(), [&] { return Base::TraverseWhileStmt(S); });
  }
  bool TraverseDoStmt(DoStmt *S) {
    return inLoop(S->getCond(), [&] { return Base::TraverseDoStmt(S); });
  }
  bool TraverseForStmt(ForStmt *S) {
    return inLoop(S->getCond(), [&] { return Base::TraverseForStmt(S); });
  }

  bool VisitExpr(Expr *E) {
    if (Fns.empty() || E->containsErrors())
      return true;
    if (std::optional<FlagWrite> W = flagWriteOf(E, Ctx))
      Index.Sets[W->Flag].push_back({W->Write, Fns.back()});
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    std::optional<MemberCall> Member = memberCallOf(Call);
    if (!Member || Fns.empty())
      return true;
    if (isBlockingQueue(Member->Class, Queues)) {
      if (const ValueDecl *Q = analysis::storageOf(Member->Object))
        Index.ByQueue[Q].push_back({Call, Fns.back(), Member->Name, Loops});
      return true;
    }
    if (!Sync.isConditionVariable(Member->Class))
      return true;
    Index.FnOf[Call] = Fns.back();
    if (!isNotifyName(Member->Name))
      return true;
    if (const ValueDecl *Cv = analysis::storageOf(Member->Object))
      Index.ByCv[Cv].push_back({Call, Fns.back()});
    return true;
  }

private:
  template <class F> bool inLoop(const Expr *Cond, F &&Traverse) {
    if (Cond)
      Loops.push_back(Cond);
    bool Result = Traverse();
    if (Cond)
      Loops.pop_back();
    return Result;
  }

  const SyncTypes &Sync;
  const NameList &Queues;
  ASTContext &Ctx;
  const SourceManager &SM;
  SyncCallIndex &Index;
  llvm::SmallVector<const FunctionDecl *, 4> Fns;
  /// The conditions of the loops around the node visited, in its function.
  llvm::SmallVector<const Expr *, 2> Loops;
};

SyncCallIndex::SyncCallIndex(const SyncTypes &Sync, const NameList &Queues,
                             ASTContext &Ctx) {
  Builder(Sync, Queues, Ctx, *this).TraverseDecl(Ctx.getTranslationUnitDecl());
}

SyncCallIndex::~SyncCallIndex() = default;

bool SyncCallIndex::callsDirectly(const FunctionDecl *Caller,
                                  const FunctionDecl *Callee) {
  bool Found = false;
  analysis::forEachOwnStmt(Caller->getBody(), [&](const Stmt *S) {
    if (const auto *Call = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *Target = Call->getDirectCallee())
        Found |= Target->getCanonicalDecl() == Callee->getCanonicalDecl();
  });
  return Found;
}

} // namespace clang::tidy::tether::model
