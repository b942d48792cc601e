//===--- BlockingCalls.cpp - tether clang-tidy ----------------------------===//

#include "BlockingCalls.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::tether::model {

bool isStdMember(const FunctionDecl *F, llvm::StringRef Class) {
  const auto *Method = dyn_cast<CXXMethodDecl>(F);
  const CXXRecordDecl *Parent = Method ? Method->getParent() : nullptr;
  return Parent && Parent->getIdentifier() && Parent->getName() == Class &&
         isInStd(Parent);
}

bool hasName(const FunctionDecl *F, llvm::StringRef Name) {
  return F && F->getIdentifier() && F->getName() == Name;
}

WaitKind stdWaitKind(const FunctionDecl *F, const ApiModel &Model) {
  if (!F || !F->getIdentifier())
    return WaitKind::None;
  StringRef Name = F->getName();
  if (Name == "acquire" && isStdMember(F, "counting_semaphore"))
    return WaitKind::Semaphore;
  if (Name == "wait" && (isStdMember(F, "condition_variable") ||
                         isStdMember(F, "condition_variable_any"))) {
    bool TakesToken = llvm::any_of(F->parameters(), [&](const ParmVarDecl *P) {
      return Model.isStopTokenType(P->getType());
    });
    return TakesToken ? WaitKind::None : WaitKind::CondVar;
  }
  if ((Name == "get" || Name == "wait") &&
      (isStdMember(F, "future") || isStdMember(F, "shared_future")))
    return WaitKind::Future;
  if ((Name == "wait" && isStdMember(F, "latch")) ||
      (Name == "arrive_and_wait" && isStdMember(F, "barrier")))
    return WaitKind::Latch;
  if (Name == "sleep_for") {
    const auto *NS = dyn_cast<NamespaceDecl>(F->getDeclContext());
    if (NS && NS->getIdentifier() && NS->getName() == "this_thread" &&
        isInStd(NS))
      return WaitKind::Sleep;
  }
  return WaitKind::None;
}

bool isCFunction(const FunctionDecl *F) {
  return F && F->getIdentifier() && !isa<CXXMethodDecl>(F) &&
         F->getDeclContext()->getRedeclContext()->isTranslationUnit();
}

FdKind fdKind(const FunctionDecl *F) {
  if (!isCFunction(F))
    return FdKind::None;
  return llvm::StringSwitch<FdKind>(F->getName())
      .Cases("accept", "accept4", FdKind::Accept)
      .Cases("read", "recv", "recvfrom", "recvmsg", FdKind::Read)
      .Cases("epoll_wait", "epoll_pwait", FdKind::Poll)
      .Default(FdKind::None);
}

bool isPollFamily(const FunctionDecl *F) {
  return isCFunction(F) && llvm::StringSwitch<bool>(F->getName())
                               .Cases("poll", "ppoll", "select", "pselect",
                                      "epoll_wait", "epoll_pwait", true)
                               .Default(false);
}

llvm::StringRef textOf(const Expr *E, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange Range = SM.getExpansionRange(E->getSourceRange());
  return Lexer::getSourceText(Range, SM, Ctx.getLangOpts());
}

bool passesNonBlocking(const CallExpr *Call, const ASTContext &Ctx) {
  for (unsigned I = 1; I < Call->getNumArgs(); ++I) {
    StringRef Text = textOf(Call->getArg(I), Ctx);
    if (Text.contains("DONTWAIT") || Text.contains("NONBLOCK"))
      return true;
  }
  return false;
}

bool hasFiniteTimeout(const CallExpr *Call, const ASTContext &Ctx) {
  const FunctionDecl *F = Call->getDirectCallee();
  if (!F || !F->getIdentifier())
    return true;
  // Where the timeout is, and how "forever" is spelt: a negative count of
  // milliseconds, or a null pointer to a time.
  StringRef Name = F->getName();
  unsigned Arg = Name.starts_with("epoll") ? 3
                 : Name == "poll"          ? 2
                 : Name == "ppoll"         ? 2
                                           : 4;
  if (Call->getNumArgs() <= Arg)
    return true;
  const Expr *Timeout = Call->getArg(Arg);
  if (Timeout->getType()->isPointerType())
    return !Timeout->isNullPointerConstant(const_cast<ASTContext &>(Ctx),
                                           Expr::NPC_ValueDependentIsNotNull);
  Expr::EvalResult R;
  return !Timeout->EvaluateAsInt(R, Ctx) || !R.Val.getInt().isNegative();
}

std::optional<double> periodOf(QualType T) {
  const auto *Spec =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(getRecord(T));
  if (!Spec || Spec->getTemplateArgs().size() < 2 ||
      Spec->getTemplateArgs()[1].getKind() != TemplateArgument::Type)
    return std::nullopt;
  const auto *Ratio = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      getRecord(Spec->getTemplateArgs()[1].getAsType()));
  if (!Ratio || Ratio->getTemplateArgs().size() < 2 ||
      Ratio->getTemplateArgs()[0].getKind() != TemplateArgument::Integral ||
      Ratio->getTemplateArgs()[1].getKind() != TemplateArgument::Integral)
    return std::nullopt;
  double Num = Ratio->getTemplateArgs()[0].getAsIntegral().getSExtValue();
  double Den = Ratio->getTemplateArgs()[1].getAsIntegral().getSExtValue();
  return Den == 0 ? std::nullopt : std::optional<double>(Num / Den);
}

std::optional<double> secondsOf(const Expr *E, const ASTContext &Ctx) {
  for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Literal = dyn_cast<UserDefinedLiteral>(E)) {
      // `100ms`: libstdc++'s chrono literals are literal operator templates,
      // so the number is read from the spelling.
      std::optional<double> Period = periodOf(Literal->getType());
      const IdentifierInfo *Suffix = Literal->getUDSuffix();
      StringRef Text = textOf(Literal, Ctx);
      uint64_t Count = 0;
      if (!Period || !Suffix || !Text.ends_with(Suffix->getName()) ||
          Text.drop_back(Suffix->getName().size()).getAsInteger(0, Count))
        return std::nullopt;
      return Count * *Period;
    }
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E)) {
      E = Cast->getSubExpr();
      continue;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      if (Construct->getNumArgs() != 1)
        return std::nullopt;
      const Expr *Arg = Construct->getArg(0);
      if (getRecord(Arg->getType())) {
        E = Arg; // a conversion from another duration
        continue;
      }
      std::optional<double> Period = periodOf(Construct->getType());
      Expr::EvalResult R;
      if (!Period || !Arg->EvaluateAsInt(R, Ctx))
        return std::nullopt;
      return R.Val.getInt().getSExtValue() * *Period;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

bool blocksWithoutDeadline(const CallExpr *Call, const ApiModel &Model,
                           const ASTContext &Ctx) {
  const FunctionDecl *F = Call->getDirectCallee();
  if (!F)
    return false;
  if (stdWaitKind(F, Model) != WaitKind::None || Model.isBlockingCall(F))
    return true;
  if (!isCFunction(F))
    return false;
  switch (fdKind(F)) {
  case FdKind::Accept:
  case FdKind::Read:
    return !passesNonBlocking(Call, Ctx);
  case FdKind::Poll:
    return !hasFiniteTimeout(Call, Ctx);
  case FdKind::None:
    break;
  }
  if (isPollFamily(F))
    return !hasFiniteTimeout(Call, Ctx);
  return llvm::StringSwitch<bool>(F->getName())
      .Cases("sleep", "usleep", "nanosleep", "clock_nanosleep", true)
      .Default(false);
}

} // namespace clang::tidy::tether::model
