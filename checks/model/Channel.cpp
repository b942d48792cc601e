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

bool ApiModel::isChannelHolder(QualType T) const {
  QualType Pointee = pointeeOfHolder(T);
  return !Pointee.isNull() && isChannelType(Pointee);
}

namespace {

/// True for `std::make_shared` and `std::make_unique`.
bool isMakeHolder(const FunctionDecl *F) {
  return F && isInStd(F) && F->getIdentifier() &&
         (F->getName() == "make_shared" || F->getName() == "make_unique");
}

std::optional<uint64_t> evaluateCapacity(const Expr *E, ASTContext &Ctx) {
  if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(E))
    E = Default->getExpr();
  Expr::EvalResult R;
  if (E->isValueDependent() || !E->EvaluateAsInt(R, Ctx) ||
      R.Val.getInt().isNegative())
    return std::nullopt;
  return R.Val.getInt().getZExtValue();
}

} // namespace

std::optional<uint64_t>
ApiModel::constructedCapacity(const CXXRecordDecl *Class,
                              llvm::ArrayRef<const Expr *> Args,
                              ASTContext &Ctx, const CallExpr **Make) const {
  if (Args.empty() || isa<CXXDefaultArgExpr>(Args[0])) {
    // A default-constructed tether channel is the nil channel.
    const DeclContext *DC = Class->getEnclosingNamespaceContext();
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC);
        NS && NS->getIdentifier() && NS->getName() == "tether")
      return std::nullopt;
    return 0;
  }
  if (Args.size() == 1 && isChannelType(Args[0]->getType()))
    return channelCapacity(Args[0], Ctx, Make); // a copy of a made channel
  if (Args[0]->getType()->isIntegerType())
    return evaluateCapacity(Args[0], Ctx);
  return std::nullopt;
}

std::optional<uint64_t> ApiModel::channelCapacity(const Expr *Init,
                                                  ASTContext &Ctx,
                                                  const CallExpr **Make) const {
  Init = analysis::stripTransparent(Init);
  if (const auto *Call = dyn_cast<CallExpr>(Init)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (isMakeHolder(Callee)) {
      // std::make_shared<buffered_channel<T>>(8): its arguments construct
      // the channel.
      QualType Pointee = pointeeOfHolder(Call->getType());
      const CXXRecordDecl *Class = getRecord(Pointee);
      if (!Class || !isChannelType(Pointee))
        return std::nullopt;
      llvm::SmallVector<const Expr *, 2> Args(Call->arguments());
      return constructedCapacity(Class, Args, Ctx, Make);
    }
    if (!isMakeChannel(Callee))
      return std::nullopt;
    if (Make)
      *Make = Call;
    if (Call->getNumArgs() == 0)
      return 0;
    return evaluateCapacity(Call->getArg(0), Ctx);
  }
  if (const auto *New = dyn_cast<CXXNewExpr>(Init)) {
    // new buffered_channel<T>(8), new chan<T>(make_chan<T>(8))
    const Expr *Initializer = New->getInitializer();
    if (New->isArray() || !Initializer ||
        !isChannelType(New->getAllocatedType()))
      return std::nullopt;
    return channelCapacity(Initializer, Ctx, Make);
  }
  const auto *Construct = dyn_cast<CXXConstructExpr>(Init);
  const CXXConstructorDecl *Ctor =
      Construct ? Construct->getConstructor() : nullptr;
  if (!Ctor)
    return std::nullopt;
  if (!isChannelType(Construct->getType())) {
    // std::shared_ptr<channel>(new channel(...))
    if (Construct->getNumArgs() > 0 && isChannelHolder(Construct->getType()) &&
        isa<CXXNewExpr>(analysis::stripTransparent(Construct->getArg(0))))
      return channelCapacity(Construct->getArg(0), Ctx, Make);
    return std::nullopt;
  }
  if (Ctor->isCopyOrMoveConstructor())
    return std::nullopt;
  llvm::SmallVector<const Expr *, 2> Args(Construct->arguments());
  return constructedCapacity(Ctor->getParent(), Args, Ctx, Make);
}

} // namespace clang::tidy::tether::model
