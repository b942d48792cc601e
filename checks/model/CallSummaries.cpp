//===--- CallSummaries.cpp - tether clang-tidy ----------------------------===//

#include "CallSummaries.h"
#include "Annotations.h"
#include "BlockingCalls.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclFriend.h"

namespace clang::tidy::tether::model {

namespace {

unsigned bit(unsigned P) { return 1U << P; }

/// The properties of one statement by the API model.
unsigned testStatement(const ApiModel &Model, const Stmt *S, bool InLambda,
                       ASTContext &Ctx) {
  unsigned Bits = 0;
  if (const auto *E = dyn_cast<Expr>(S)) {
    if (E->containsErrors())
      Bits |= bit(HasErrors);
    QualType T = E->getType();
    if (!T.isNull() && (Model.isTokenType(T) || Model.isStopSourceType(T) ||
                        Model.isChannelType(T)))
      Bits |= bit(UsesStopSignal);
  } else if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : Decls->decls())
      if (D->isInvalidDecl())
        Bits |= bit(HasErrors);
  }
  const auto *Call = dyn_cast<CallExpr>(S);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee)
    return Bits;
  if (hasRole(Callee, role::Select) || Model.isRecv(Callee) ||
      Model.isSend(Callee) || Model.isStopCheck(Callee))
    Bits |= bit(UsesStopSignal);
  // A lambda's blocking call runs where the lambda is called.
  if (!InLambda && blocksWithoutDeadline(Call, Model, Ctx))
    Bits |= bit(Blocks);
  if (!InLambda &&
      ((hasName(Callee, "join") &&
        (isStdMember(Callee, "thread") || isStdMember(Callee, "jthread"))) ||
       ((hasName(Callee, "wait") || hasName(Callee, "get")) &&
        (isStdMember(Callee, "future") ||
         isStdMember(Callee, "shared_future")))))
    Bits |= bit(JoinsThread);
  return Bits;
}

/// True if `Fn` can name the field `Field`: a member or friend of its
/// class.
bool canReach(const FunctionDecl *Fn, const FieldDecl *Field) {
  const CXXRecordDecl *Owner = dyn_cast<CXXRecordDecl>(Field->getParent());
  if (!Owner)
    return true;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Fn))
    if (Method->getParent()->getCanonicalDecl() == Owner->getCanonicalDecl())
      return true;
  const CXXRecordDecl *Def = Owner->getDefinition();
  if (!Def)
    return true;
  for (const FriendDecl *Friend : Def->friends()) {
    if (Friend->getFriendType())
      return true; // a friend class: its members may
    if (const auto *F = dyn_cast_or_null<FunctionDecl>(Friend->getFriendDecl());
        F && F->getCanonicalDecl() == Fn->getCanonicalDecl())
      return true;
  }
  return false;
}

} // namespace

bool isRuntimeLibrary(const Decl *D) {
  for (const DeclContext *DC = D->getDeclContext();
       DC && !DC->isTranslationUnit(); DC = DC->getParent()) {
    if (DC->isStdNamespace())
      return true;
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC);
        NS && NS->getIdentifier() && NS->getName() == "tether" &&
        NS->getParent()->isTranslationUnit())
      return true;
  }
  return false;
}

CallSummaries::CallSummaries(const ApiModel &Model, ASTContext &Ctx)
    : CallGraph(
          Ctx,
          [&Model](const Stmt *S, bool InLambda, ASTContext &C) {
            return testStatement(Model, S, InLambda, C);
          },
          isRuntimeLibrary) {}

void CallSummaries::forEachCalleeWith(
    unsigned Property, const FunctionDecl *Root, const FunctionDecl *Skip,
    llvm::function_ref<bool(const FunctionDecl *,
                            llvm::ArrayRef<analysis::CallEdge>)>
        Visit) {
  using CallPath = llvm::SmallVector<analysis::CallEdge, 2>;
  llvm::SmallPtrSet<const FunctionDecl *, 16> Seen{Root};
  llvm::SmallVector<std::pair<const FunctionDecl *, CallPath>, 8> Queue{
      {Root, {}}};
  for (size_t I = 0; I < Queue.size(); ++I) {
    const analysis::FunctionSummary *Summary = summaryOf(Queue[I].first);
    if (!Summary || !Summary->has(Property))
      continue;
    for (const analysis::CallEdge &Edge : Summary->Calls) {
      if (Edge.InLambda || isRuntimeLibrary(Edge.Callee) ||
          Edge.Callee->isInvalidDecl() || Edge.Callee == Skip ||
          !Seen.insert(Edge.Callee).second)
        continue;
      const analysis::FunctionSummary *Callee = summaryOf(Edge.Callee);
      if (!Callee || !Callee->has(Property))
        continue;
      CallPath Path = Queue[I].second;
      Path.push_back(Edge);
      if (!Visit(Edge.Callee, Path))
        return;
      Queue.push_back({Edge.Callee, std::move(Path)});
    }
  }
}

bool mayObserve(const analysis::Facts &F, const ValueDecl *Var) {
  if (F.reads(Var) || F.CallsIndirect)
    return true;
  const auto *Field = dyn_cast<FieldDecl>(Var);
  if (!Field)
    return !F.Opaque.empty();
  return llvm::any_of(
      F.Opaque, [&](const FunctionDecl *Fn) { return canReach(Fn, Field); });
}

} // namespace clang::tidy::tether::model
