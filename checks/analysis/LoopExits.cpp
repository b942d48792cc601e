//===--- LoopExits.cpp - tether clang-tidy --------------------------------===//

#include "LoopExits.h"
#include "ParentIndex.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::tether::analysis {

bool isLoop(const Stmt *S) {
  return isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S);
}

const Stmt *loopBody(const Stmt *S) {
  if (const auto *For = dyn_cast<ForStmt>(S))
    return For->getBody();
  if (const auto *While = dyn_cast<WhileStmt>(S))
    return While->getBody();
  if (const auto *Do = dyn_cast<DoStmt>(S))
    return Do->getBody();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(S))
    return Range->getBody();
  return nullptr;
}

bool repeatsEachIteration(const Stmt *Loop, const Stmt *Child) {
  if (Child == loopBody(Loop))
    return true;
  if (isa<WhileStmt, DoStmt>(Loop))
    return true;
  if (const auto *For = dyn_cast<ForStmt>(Loop))
    return Child != For->getInit();
  return false;
}

const Stmt *enclosingLoop(const Stmt *S, ASTContext &Ctx) {
  const Stmt *Loop = nullptr;
  forEachAncestor(
      S, Ctx, [&](const DynTypedNode &Parent, const DynTypedNode &Child) {
        if (Parent.get<LambdaExpr>() || Parent.get<FunctionDecl>() ||
            Parent.get<BlockExpr>())
          return false;
        if (const auto *Var = Parent.get<VarDecl>();
            Var && (Var->isStaticLocal() || !Var->hasLocalStorage()))
          return false; // initialised once
        if (const Stmt *P = Parent.get<Stmt>(); P && isLoop(P)) {
          const Stmt *C = Child.get<Stmt>();
          if (C && repeatsEachIteration(P, C))
            Loop = P;
        }
        return Loop == nullptr;
      });
  return Loop;
}

unsigned mulCounts(unsigned A, unsigned B) {
  if (A == UnboundedCount || B == UnboundedCount)
    return UnboundedCount;
  uint64_t R = uint64_t(A) * B;
  return R >= UnboundedCount ? UnboundedCount : unsigned(R);
}

unsigned addCounts(unsigned A, unsigned B) {
  if (A == UnboundedCount || B == UnboundedCount)
    return UnboundedCount;
  uint64_t R = uint64_t(A) + B;
  return R >= UnboundedCount ? UnboundedCount : unsigned(R);
}

unsigned tripCount(const Stmt *Loop, ASTContext &Ctx) {
  const auto *For = dyn_cast<ForStmt>(Loop);
  if (!For || !For->getInit() || !For->getCond() || !For->getInc())
    return UnboundedCount;
  const auto *Init = dyn_cast<DeclStmt>(For->getInit());
  if (!Init || !Init->isSingleDecl())
    return UnboundedCount;
  const auto *Index = dyn_cast<VarDecl>(Init->getSingleDecl());
  if (!Index || !Index->getInit())
    return UnboundedCount;
  Expr::EvalResult From, To;
  if (!Index->getInit()->EvaluateAsInt(From, Ctx))
    return UnboundedCount;
  const auto *Cond = dyn_cast<BinaryOperator>(For->getCond()->IgnoreImplicit());
  if (!Cond || (Cond->getOpcode() != BO_LT && Cond->getOpcode() != BO_LE &&
                Cond->getOpcode() != BO_NE))
    return UnboundedCount;
  const auto *Ref = dyn_cast<DeclRefExpr>(Cond->getLHS()->IgnoreImpCasts());
  if (!Ref || Ref->getDecl() != Index ||
      !Cond->getRHS()->EvaluateAsInt(To, Ctx))
    return UnboundedCount;
  const auto *Inc = dyn_cast<UnaryOperator>(For->getInc()->IgnoreImplicit());
  if (!Inc || !Inc->isIncrementOp())
    return UnboundedCount;
  int64_t A = From.Val.getInt().getExtValue();
  int64_t B = To.Val.getInt().getExtValue();
  if (Cond->getOpcode() == BO_LE)
    ++B;
  if (B <= A)
    return 0;
  if (B - A > 4096)
    return UnboundedCount;
  return unsigned(B - A);
}

static bool isConstantTrue(const Expr *Cond, ASTContext &Ctx) {
  if (!Cond)
    return true; // for (;;)
  if (Cond->isValueDependent() || Cond->containsErrors())
    return false;
  bool Value = false;
  return Cond->EvaluateAsBooleanCondition(Value, Ctx) && Value;
}

/// The type an exception handler compares with what `Throw` throws: arrays
/// and functions decay to pointers; null for a rethrow (`throw;`).
static QualType thrownType(const CXXThrowExpr *Throw) {
  const Expr *Operand = Throw->getSubExpr();
  if (!Operand)
    return QualType();
  QualType T = Operand->getType().getCanonicalType();
  if (const auto *Array = dyn_cast<ArrayType>(T.getTypePtr()))
    return QualType(Array->getElementType().getTypePtr(), 0).getCanonicalType();
  return T.getUnqualifiedType();
}

/// True if a handler of `Try` catches what `Throw` throws: `catch (...)`, or
/// a handler of its type or of a base class (by value, reference or
/// pointer). An exception caught there does not leave the code around
/// `Try`.
static bool catches(const CXXTryStmt *Try, const CXXThrowExpr *Throw) {
  QualType Thrown = thrownType(Throw);
  for (unsigned I = 0; I < Try->getNumHandlers(); ++I) {
    const CXXCatchStmt *Handler = Try->getHandler(I);
    if (!Handler->getExceptionDecl())
      return true; // catch (...)
    QualType Caught = Handler->getCaughtType();
    if (Thrown.isNull() || Caught.isNull())
      continue;
    Caught = Caught.getNonReferenceType().getCanonicalType();
    QualType From = Thrown;
    if (Caught->isPointerType() && From->isPointerType()) {
      Caught = Caught->getPointeeType().getCanonicalType();
      From = From->getPointeeType().getCanonicalType();
    }
    // The same type, even one a template parameter names, in every
    // instantiation.
    if (Caught.getUnqualifiedType() == From.getUnqualifiedType())
      return true;
    if (Caught->isDependentType() || From->isDependentType())
      continue;
    const CXXRecordDecl *Base = Caught->getAsCXXRecordDecl();
    const CXXRecordDecl *Derived = From->getAsCXXRecordDecl();
    if (Base && Derived && Derived->hasDefinition() &&
        Derived->isDerivedFrom(Base))
      return true;
  }
  return false;
}

bool isCaught(const CXXThrowExpr *Throw,
              llvm::ArrayRef<const CXXTryStmt *> Tries) {
  return llvm::any_of(
      Tries, [&](const CXXTryStmt *Try) { return catches(Try, Throw); });
}

/// The first statement in `S` that leaves the loop it belongs to; `Nested`
/// is set inside an inner loop or switch, where `break` stays inside. A
/// throw caught by a try statement inside the loop does not leave it; one
/// from its handlers (a rethrow) does.
static const Stmt *findExit(const Stmt *S, bool Nested, EnclosingTries &Tries) {
  if (!S)
    return nullptr;
  if (isa<BreakStmt>(S))
    return Nested ? nullptr : S;
  if (const auto *Throw = dyn_cast<CXXThrowExpr>(S);
      Throw && !isCaught(Throw, Tries))
    return S;
  if (isa<ReturnStmt, CoreturnStmt, GotoStmt, IndirectGotoStmt, CoawaitExpr,
          CoyieldExpr>(S))
    return S;
  if (isa<LambdaExpr>(S))
    return nullptr; // a lambda's body runs elsewhere
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = Call->getDirectCallee();
        Callee && Callee->isNoReturn())
      return S;
  bool Inner =
      Nested || isa<WhileStmt, DoStmt, ForStmt, CXXForRangeStmt, SwitchStmt>(S);
  if (const auto *Try = dyn_cast<CXXTryStmt>(S)) {
    Tries.push_back(Try);
    const Stmt *Exit = findExit(Try->getTryBlock(), Inner, Tries);
    Tries.pop_back();
    for (unsigned I = 0; !Exit && I < Try->getNumHandlers(); ++I)
      Exit = findExit(Try->getHandler(I), Inner, Tries);
    return Exit;
  }
  for (const Stmt *Child : S->children())
    if (const Stmt *Exit = findExit(Child, Inner, Tries))
      return Exit;
  return nullptr;
}

static const Stmt *findExit(const Stmt *S, bool Nested) {
  EnclosingTries Tries;
  return findExit(S, Nested, Tries);
}

/// True if something in `S` leaves the loop it belongs to.
static bool hasExit(const Stmt *S, bool Nested) {
  return findExit(S, Nested) != nullptr;
}

bool loopNeverExits(const Stmt *Loop, ASTContext &Ctx) {
  const Expr *Cond = nullptr;
  const Stmt *Body = nullptr;
  if (const auto *While = dyn_cast<WhileStmt>(Loop)) {
    Cond = While->getCond();
    Body = While->getBody();
    if (!Cond)
      return false;
  } else if (const auto *Do = dyn_cast<DoStmt>(Loop)) {
    Cond = Do->getCond();
    Body = Do->getBody();
    if (!Cond)
      return false;
  } else if (const auto *For = dyn_cast<ForStmt>(Loop)) {
    Cond = For->getCond();
    Body = For->getBody();
    if (hasExit(For->getInc(), false))
      return false;
  } else {
    return false;
  }
  return isConstantTrue(Cond, Ctx) && !hasExit(Body, false);
}

bool loopBodyHasExit(const Stmt *Body) { return hasExit(Body, false); }

const Stmt *findForeverLoop(const Stmt *Body, ASTContext &Ctx) {
  if (!Body || isa<LambdaExpr>(Body))
    return nullptr;
  if (isa<WhileStmt, DoStmt, ForStmt>(Body) && loopNeverExits(Body, Ctx))
    return Body;
  for (const Stmt *Child : Body->children())
    if (const Stmt *Found = findForeverLoop(Child, Ctx))
      return Found;
  return nullptr;
}

const Expr *getLoopCondition(const Stmt *Loop) {
  if (const auto *While = dyn_cast_or_null<WhileStmt>(Loop))
    return While->getCond();
  if (const auto *Do = dyn_cast_or_null<DoStmt>(Loop))
    return Do->getCond();
  if (const auto *For = dyn_cast_or_null<ForStmt>(Loop))
    return For->getCond();
  return nullptr;
}

bool isConstantTrueCondition(const Expr *Cond, ASTContext &Ctx) {
  return isConstantTrue(Cond, Ctx);
}

const Stmt *findLoopExit(const Stmt *Loop) {
  if (const auto *While = dyn_cast_or_null<WhileStmt>(Loop))
    return findExit(While->getBody(), false);
  if (const auto *Do = dyn_cast_or_null<DoStmt>(Loop))
    return findExit(Do->getBody(), false);
  if (const auto *For = dyn_cast_or_null<ForStmt>(Loop)) {
    if (const Stmt *Exit = findExit(For->getInc(), false))
      return Exit;
    return findExit(For->getBody(), false);
  }
  if (const auto *Range = dyn_cast_or_null<CXXForRangeStmt>(Loop))
    return findExit(Range->getBody(), false);
  return nullptr;
}

/// True if `S` throws an exception it does not catch itself or calls a
/// [[noreturn]] function, outside nested lambdas.
static bool throwsOrEnds(const Stmt *S, EnclosingTries &Tries) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (const auto *Throw = dyn_cast<CXXThrowExpr>(S);
      Throw && !isCaught(Throw, Tries))
    return true;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = Call->getDirectCallee();
        Callee && Callee->isNoReturn())
      return true;
  if (const auto *Try = dyn_cast<CXXTryStmt>(S)) {
    Tries.push_back(Try);
    bool Leaves = throwsOrEnds(Try->getTryBlock(), Tries);
    Tries.pop_back();
    for (unsigned I = 0; !Leaves && I < Try->getNumHandlers(); ++I)
      Leaves = throwsOrEnds(Try->getHandler(I), Tries);
    return Leaves;
  }
  for (const Stmt *Child : S->children())
    if (throwsOrEnds(Child, Tries))
      return true;
  return false;
}

bool calleeMayLeave(const FunctionDecl *Callee) {
  if (!Callee)
    return false;
  if (Callee->isNoReturn())
    return true;
  const FunctionDecl *Def = nullptr;
  EnclosingTries Tries;
  return Callee->hasBody(Def) && throwsOrEnds(Def->getBody(), Tries);
}

} // namespace clang::tidy::tether::analysis
