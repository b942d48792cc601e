//===--- Channel.cpp - tether clang-tidy ----------------------------------===//
//
// Channels: the channel type, send, receive, make and close.
//
//===----------------------------------------------------------------------===//

#include "ApiModel.h"
#include "analysis/ValueFlow.h"

namespace clang::tidy::tether::model {

bool ApiModel::isChannelType(QualType T) const {
  return typeHasRole(T, role::Channel, ChannelTypes);
}

bool ApiModel::isSend(const FunctionDecl *F) const {
  return functionHasRole(F, role::BlockingSend, SendFunctions);
}

bool ApiModel::isRecv(const FunctionDecl *F) const {
  return functionHasRole(F, role::BlockingRecv, RecvFunctions);
}

bool ApiModel::isMakeChannel(const FunctionDecl *F) const {
  return functionHasRole(F, role::MakeChannel, MakeChannelFunctions);
}

bool ApiModel::isClose(const FunctionDecl *F) const {
  return functionHasRole(F, role::Close, CloseFunctions);
}

std::optional<uint64_t> ApiModel::channelCapacity(const Expr *Init,
                                                  ASTContext &Ctx,
                                                  const CallExpr **Make) const {
  Init = analysis::stripTransparent(Init);
  auto Eval = [&](const Expr *E) -> std::optional<uint64_t> {
    if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(E))
      E = Default->getExpr();
    Expr::EvalResult R;
    if (E->isValueDependent() || !E->EvaluateAsInt(R, Ctx) ||
        R.Val.getInt().isNegative())
      return std::nullopt;
    return R.Val.getInt().getZExtValue();
  };
  if (const auto *Call = dyn_cast<CallExpr>(Init)) {
    if (!isMakeChannel(Call->getDirectCallee()))
      return std::nullopt;
    if (Make)
      *Make = Call;
    if (Call->getNumArgs() == 0)
      return 0;
    return Eval(Call->getArg(0));
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Init)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (!Ctor || Ctor->isCopyOrMoveConstructor())
      return std::nullopt;
    if (Construct->getNumArgs() == 0 ||
        isa<CXXDefaultArgExpr>(Construct->getArg(0))) {
      // A default-constructed tether channel is the nil channel.
      const DeclContext *DC = Ctor->getParent()->getEnclosingNamespaceContext();
      if (const auto *NS = dyn_cast<NamespaceDecl>(DC);
          NS && NS->getIdentifier() && NS->getName() == "tether")
        return std::nullopt;
      return 0;
    }
    if (Construct->getArg(0)->getType()->isIntegerType())
      return Eval(Construct->getArg(0));
  }
  return std::nullopt;
}

} // namespace clang::tidy::tether::model
