//===--- ApiModel.cpp - tether clang-tidy ---------------------------------===//
//
// Options of the API model and the helpers shared by the concept files.
//
//===----------------------------------------------------------------------===//

#include "ApiModel.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Type.h"

namespace clang::tidy::tether::model {

#define TETHER_MODEL_OPTIONS(X)                                                \
  X(ChannelOptions, ChannelTypes)                                              \
  X(ChannelOptions, SendFunctions)                                             \
  X(ChannelOptions, RecvFunctions)                                             \
  X(ChannelOptions, MakeChannelFunctions)                                      \
  X(ChannelOptions, CloseFunctions)                                            \
  X(SpawnOptions, SpawnFunctions)                                              \
  X(TickerOptions, TickerTypes)                                                \
  X(TickerOptions, TickerStopFunctions)                                        \
  X(ContextOptions, ContextTypes)                                              \
  X(ContextOptions, ContextFactories)                                          \
  X(ContextOptions, CancelFuncTypes)                                           \
  X(ContextOptions, BackgroundContextFunctions)                                \
  X(ContextOptions, StopCheckFunctions)                                        \
  X(CancellableOptions, CancellableFunctions)

ApiModel::ApiModel(ClangTidyCheck::OptionsView &Options, unsigned Groups)
    : Groups(Groups) {
#define TETHER_READ(Group, Name)                                               \
  if (Groups & (Group))                                                        \
    Name = NameList(Options.get(#Name, ""));
  TETHER_MODEL_OPTIONS(TETHER_READ)
#undef TETHER_READ
}

void ApiModel::storeOptions(ClangTidyCheck::OptionsView &Options,
                            ClangTidyOptions::OptionMap &Opts) const {
#define TETHER_STORE(Group, Name)                                              \
  if (Groups & (Group))                                                        \
    Options.store(Opts, #Name, Name.raw());
  TETHER_MODEL_OPTIONS(TETHER_STORE)
#undef TETHER_STORE
}

const CXXRecordDecl *getRecord(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType().getUnqualifiedType();
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl())
    return RD;
  if (const auto *TST = T->getAs<TemplateSpecializationType>())
    if (const TemplateDecl *TD = TST->getTemplateName().getAsTemplateDecl())
      return dyn_cast_or_null<CXXRecordDecl>(TD->getTemplatedDecl());
  if (const auto *Injected = T->getAs<InjectedClassNameType>())
    return Injected->getDecl();
  return nullptr;
}

static bool recordHasRole(const CXXRecordDecl *RD, Role R,
                          const NameList &Names, unsigned Depth) {
  if (!RD || Depth > 4)
    return false;
  if (hasRole(RD, R) || Names.contains(RD))
    return true;
  const CXXRecordDecl *Def = RD->getDefinition();
  if (!Def || Def->isInvalidDecl())
    return false;
  for (const CXXBaseSpecifier &Base : Def->bases())
    if (recordHasRole(getRecord(Base.getType()), R, Names, Depth + 1))
      return true;
  return false;
}

bool typeHasRole(QualType T, Role R, const NameList &Names) {
  return recordHasRole(getRecord(T), R, Names, 0);
}

bool functionHasRole(const FunctionDecl *F, Role R, const NameList &Names) {
  return F && (hasRole(F, R) || Names.contains(F));
}

bool isInStd(const Decl *D) {
  return D && D->getDeclContext()->isStdNamespace();
}

QualType pointeeOfHolder(QualType T) {
  if (T.isNull())
    return QualType();
  T = T.getNonReferenceType();
  if (T->isPointerType())
    return T->getPointeeType();
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getCanonicalType()->getAsCXXRecordDecl());
  if (!Spec || !isInStd(Spec) || !Spec->getIdentifier() ||
      !(Spec->getName() == "shared_ptr" || Spec->getName() == "unique_ptr"))
    return QualType();
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() == 0 || Args[0].getKind() != TemplateArgument::Type)
    return QualType();
  return Args[0].getAsType();
}

bool isAtomicType(QualType T) {
  T = T.getNonReferenceType();
  if (T->isAtomicType())
    return true;
  const CXXRecordDecl *Class = getRecord(T);
  return Class && Class->getIdentifier() && isInStd(Class) &&
         Class->getName().starts_with("atomic");
}

} // namespace clang::tidy::tether::model
