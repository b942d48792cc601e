//===--- CallGraph.cpp - tether clang-tidy --------------------------------===//

#include "CallGraph.h"
#include "LoopExits.h"
#include "ValueFlow.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::tether::analysis {

const FunctionDecl *definitionAsWritten(const FunctionDecl *Fn) {
  if (!Fn)
    return nullptr;
  if (const FunctionDecl *Pattern = Fn->getTemplateInstantiationPattern())
    Fn = Pattern;
  const FunctionDecl *Def = nullptr;
  return Fn->hasBody(Def) ? Def : nullptr;
}

const FieldDecl *fieldAsWritten(const FieldDecl *Field) {
  const auto *Spec =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(Field->getParent());
  if (!Spec || !Spec->getSpecializedTemplate())
    return Field;
  for (const FieldDecl *Written :
       Spec->getSpecializedTemplate()->getTemplatedDecl()->fields())
    if (Written->getDeclName() == Field->getDeclName())
      return Written;
  return Field;
}

const FunctionDecl *followedCallee(const FunctionDecl *Callee) {
  const FunctionDecl *Def = definitionAsWritten(Callee);
  if (!Def || Def->isInvalidDecl() ||
      Def->getASTContext().getSourceManager().isInSystemHeader(
          Def->getLocation()))
    return nullptr;
  return Def;
}

bool Facts::reads(const ValueDecl *D) const { return Reads.contains(D); }
bool Facts::writes(const ValueDecl *D) const { return Writes.contains(D); }

namespace {

/// True if `Callee` is declared in a system header or namespace std: the
/// library, which the client models rather than the graph follows.
bool isLibrary(const FunctionDecl *Callee) {
  const SourceManager &SM = Callee->getASTContext().getSourceManager();
  if (SM.isInSystemHeader(Callee->getLocation()))
    return true;
  return Callee->getDeclContext()->getRedeclContext()->isStdNamespace() ||
         (isa<CXXMethodDecl>(Callee) && cast<CXXMethodDecl>(Callee)
                                            ->getParent()
                                            ->getDeclContext()
                                            ->getRedeclContext()
                                            ->isStdNamespace());
}

/// True if `Call` runs code its callee's declaration does not tell: a
/// virtual member called through the object, a callable object of the
/// library (`std::function::operator()`), or no callee known at all.
bool isIndirect(const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return true;
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  if (!Method)
    return false;
  if (Method->getOverloadedOperator() == OO_Call && isLibrary(Method))
    return true;
  if (!Method->isVirtual() || Method->hasAttr<FinalAttr>() ||
      Method->getParent()->hasAttr<FinalAttr>())
    return false;
  const auto *Member = dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParens());
  return !Member || !Member->hasQualifier();
}

void mergeFacts(Facts &Into, const Facts &From, const Expr *Via,
                bool Properties) {
  Into.Reads.insert(From.Reads.begin(), From.Reads.end());
  Into.Writes.insert(From.Writes.begin(), From.Writes.end());
  Into.Opaque.insert(From.Opaque.begin(), From.Opaque.end());
  Into.CallsIndirect |= From.CallsIndirect;
  if (!Properties)
    return;
  for (unsigned P = 0; P < NumProperties; ++P)
    if (!Into.Witness[P] && From.Witness[P]) {
      Into.Witness[P] = From.Witness[P];
      Into.Via[P] = Via;
    }
}

} // namespace

/// Collects the facts of one piece of code by its own statements, and the
/// calls it makes (each marked when it sits in a nested lambda).
struct CallGraph::Walker {
  const CallGraph &Graph;
  ASTContext &Ctx;
  const StatementTest &Test;
  Facts &Out;
  llvm::SmallVector<CallEdge, 4> Edges;
  /// The expressions that only receive a value: `flag = false` does not
  /// read `flag`.
  llvm::SmallPtrSet<const Expr *, 4> Targets;
  /// The try statements around the statement being visited: a throw one of
  /// them catches does not leave.
  EnclosingTries Tries;

  void write(const Expr *E) {
    if (const ValueDecl *D = E ? storageOf(E) : nullptr)
      Out.Writes.insert(D);
  }
  void target(const Expr *E) {
    write(E);
    Targets.insert(E->IgnoreParenImpCasts());
  }
  void set(unsigned Bits, const Stmt *S) {
    for (unsigned P = 0; P < NumProperties; ++P)
      if ((Bits & (1U << P)) && !Out.Witness[P])
        Out.Witness[P] = S;
  }
  void edge(const Expr *Call, const FunctionDecl *Callee, bool InLambda) {
    if (!Callee)
      return;
    if (const FunctionDecl *Followed = Graph.follow(Callee)) {
      Edges.push_back({Call, Followed, InLambda});
      return;
    }
    if (!isLibrary(Callee) && !Graph.IsModelled(Callee))
      Out.Opaque.insert(Callee->getCanonicalDecl());
  }
  /// Arguments bound to non-const references or pointers may be written.
  void writtenArguments(const FunctionDecl *Callee,
                        llvm::ArrayRef<const Expr *> Args) {
    for (unsigned I = 0; I < Args.size(); ++I) {
      QualType T = Callee && I < Callee->getNumParams()
                       ? Callee->getParamDecl(I)->getType()
                       : QualType();
      if (T.isNull() || ((T->isReferenceType() || T->isPointerType()) &&
                         !T->getPointeeType().isConstQualified()))
        write(Args[I]);
    }
  }

  void walk(const Stmt *S, bool InLambda) {
    if (!S)
      return;
    if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
      for (const Expr *Init : Lambda->capture_inits())
        walk(Init, InLambda);
      walk(Lambda->getBody(), true);
      return;
    }
    if (const auto *Try = dyn_cast<CXXTryStmt>(S)) {
      Tries.push_back(Try);
      walk(Try->getTryBlock(), InLambda);
      Tries.pop_back();
      for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
        walk(Try->getHandler(I), InLambda);
      return;
    }
    visit(S, InLambda);
    for (const Stmt *Child : S->children())
      walk(Child, InLambda);
  }

  void visit(const Stmt *S, bool InLambda) {
    unsigned Bits = Test ? Test(S, InLambda, Ctx) : 0;
    if (!InLambda && isa<WhileStmt, DoStmt, ForStmt>(S)) {
      Bits |= 1U << AnyLoop;
      if (isConstantTrueCondition(getLoopCondition(S), Ctx))
        Bits |= 1U << ForeverLoop;
    }
    if (const auto *Throw = dyn_cast<CXXThrowExpr>(S);
        Throw && !InLambda && !isCaught(Throw, Tries))
      Bits |= 1U << MayLeave;
    set(Bits, S);

    if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      if (Var && Var->hasGlobalStorage() && !Targets.contains(Ref))
        Out.Reads.insert(Var->getCanonicalDecl());
      return;
    }
    if (const auto *Member = dyn_cast<MemberExpr>(S)) {
      if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
          Field && !Targets.contains(Member))
        Out.Reads.insert(Field);
      return;
    }
    if (const auto *Binary = dyn_cast<BinaryOperator>(S)) {
      if (Binary->getOpcode() == BO_Assign)
        target(Binary->getLHS());
      else if (Binary->isCompoundAssignmentOp())
        write(Binary->getLHS());
      return;
    }
    if (const auto *Unary = dyn_cast<UnaryOperator>(S)) {
      if (Unary->isIncrementDecrementOp() || Unary->getOpcode() == UO_AddrOf)
        write(Unary->getSubExpr());
      return;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
      if (const CXXConstructorDecl *Ctor = Construct->getConstructor()) {
        edge(Construct, Ctor, InLambda);
        writtenArguments(Ctor, {Construct->getArgs(), Construct->getNumArgs()});
      }
      return;
    }
    const auto *Call = dyn_cast<CallExpr>(S);
    if (!Call)
      return;
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && Callee->isNoReturn() && !InLambda)
      set(1U << MayLeave, S);
    Out.CallsIndirect |= isIndirect(Call);
    edge(Call, Callee, InLambda);
    llvm::ArrayRef<const Expr *> Args(Call->getArgs(), Call->getNumArgs());
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
      if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
        target(Op->getArg(0));
        return;
      }
      // The object of a member operator is its first argument.
      if (isa_and_nonnull<CXXMethodDecl>(Callee) && !Args.empty()) {
        if (!cast<CXXMethodDecl>(Callee)->isConst())
          write(Args.front());
        Args = Args.drop_front();
      }
    } else if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
      const CXXMethodDecl *Method = Member->getMethodDecl();
      const Expr *Object = Member->getImplicitObjectArgument();
      if (Method && Object && !Method->isConst()) {
        // `flag.store(true)` only writes `flag`.
        if (Method->getIdentifier() && Method->getName() == "store")
          target(Object);
        else
          write(Object);
      }
    }
    writtenArguments(Callee, Args);
  }
};

CallGraph::CallGraph(ASTContext &Ctx, StatementTest Test,
                     LibraryTest IsModelled)
    : Ctx(Ctx), Test(std::move(Test)), IsModelled(std::move(IsModelled)) {}

const FunctionDecl *CallGraph::follow(const FunctionDecl *Callee) const {
  const FunctionDecl *Def = followedCallee(Callee);
  return Def && !IsModelled(Def) ? Def : nullptr;
}

CallGraph::~CallGraph() = default;

const FunctionSummary *CallGraph::summaryOf(const FunctionDecl *Fn) {
  const FunctionDecl *Def = follow(Fn);
  return Def ? &summarize(Def) : nullptr;
}

FunctionSummary &CallGraph::summarize(const FunctionDecl *Fn) {
  if (auto It = Summaries.find(Fn); It != Summaries.end())
    return *It->second;
  auto Owned = std::make_unique<FunctionSummary>();
  FunctionSummary &Summary = *Owned;
  Summaries[Fn] = std::move(Owned);
  Summary.Fn = Fn;

  // The function's own code (a coroutine's body as written).
  const Stmt *Body = Fn->getBody();
  if (const auto *Coroutine = dyn_cast_or_null<CoroutineBodyStmt>(Body))
    Body = Coroutine->getBody();
  Walker W{*this, Ctx, Test, Summary, {}, {}, {}};
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Fn))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      W.walk(Init->getInit(), false);
  W.walk(Body, false);
  Summary.Calls = std::move(W.Edges);

  // Tarjan's strongly connected components, computed on demand.
  unsigned MyIndex = NextIndex++;
  Index[Fn] = MyIndex;
  unsigned Low = MyIndex;
  Stack.push_back(Fn);
  OnStack.insert(Fn);
  for (const CallEdge &Edge : Summary.Calls) {
    if (!Summaries.count(Edge.Callee)) {
      summarize(Edge.Callee);
      Low = std::min(Low, LowLink.lookup(Edge.Callee));
    } else if (OnStack.contains(Edge.Callee)) {
      Low = std::min(Low, Index.lookup(Edge.Callee));
    }
  }
  LowLink[Fn] = Low;
  if (Low != MyIndex)
    return Summary;

  // `Fn` roots a component: pop it and close its facts.
  llvm::SmallPtrSet<const FunctionDecl *, 4> Members;
  llvm::SmallVector<FunctionSummary *, 4> Component;
  const FunctionDecl *Member = nullptr;
  do {
    Member = Stack.pop_back_val();
    OnStack.erase(Member);
    Members.insert(Member);
    Component.push_back(Summaries[Member].get());
  } while (Member != Fn);

  // Calls out of the component: those summaries are complete.
  for (FunctionSummary *S : Component)
    for (const CallEdge &Edge : S->Calls)
      if (!Members.contains(Edge.Callee))
        mergeFacts(*S, *Summaries[Edge.Callee], Edge.Call, !Edge.InLambda);
  if (Component.size() == 1 &&
      llvm::none_of(Summary.Calls,
                    [&](const CallEdge &E) { return E.Callee == Fn; }))
    return Summary;
  // A cycle: every member reaches what any member reaches.
  Facts Shared;
  for (FunctionSummary *S : Component)
    mergeFacts(Shared, *S, nullptr, /*Properties=*/false);
  for (FunctionSummary *S : Component)
    mergeFacts(*S, Shared, nullptr, /*Properties=*/false);
  // A property reaches a member through a call to a member that has it.
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (FunctionSummary *S : Component)
      for (const CallEdge &Edge : S->Calls) {
        if (!Members.contains(Edge.Callee) || Edge.InLambda)
          continue;
        const FunctionSummary &Callee = *Summaries[Edge.Callee];
        for (unsigned P = 0; P < NumProperties; ++P)
          if (!S->Witness[P] && Callee.Witness[P]) {
            S->Witness[P] = Callee.Witness[P];
            S->Via[P] = Edge.Call;
            Changed = true;
          }
      }
  }
  return Summary;
}

Facts CallGraph::facts(const Stmt *S) {
  Facts Out;
  Walker W{*this, Ctx, Test, Out, {}, {}, {}};
  W.walk(S, false);
  for (const CallEdge &Edge : W.Edges)
    mergeFacts(Out, summarize(Edge.Callee), Edge.Call, !Edge.InLambda);
  return Out;
}

llvm::SmallVector<const Expr *, 4> CallGraph::pathTo(const FunctionDecl *Fn,
                                                     unsigned P) {
  llvm::SmallVector<const Expr *, 4> Path;
  const FunctionSummary *S = summaryOf(Fn);
  llvm::SmallPtrSet<const FunctionSummary *, 8> Seen;
  while (S && S->Via[P] && Seen.insert(S).second) {
    const Expr *Via = S->Via[P];
    Path.push_back(Via);
    const FunctionSummary *Next = nullptr;
    for (const CallEdge &Edge : S->Calls)
      if (Edge.Call == Via)
        if (auto It = Summaries.find(Edge.Callee); It != Summaries.end())
          Next = It->second.get();
    S = Next;
  }
  return Path;
}

} // namespace clang::tidy::tether::analysis
