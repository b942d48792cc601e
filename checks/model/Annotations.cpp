//===--- Annotations.cpp - tether clang-tidy ------------------------------===//

#include "Annotations.h"
#include "utils/OptionsUtils.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::tether::model {

namespace {

/// The roles of the annotations on `D` and its redeclarations.
uint32_t ownRoles(const Decl *D) {
  static constexpr Role All[] = {
#define TETHER_ROLE_ENTRY(Name, Spelling) role::Name,
      TETHER_ROLES(TETHER_ROLE_ENTRY)
#undef TETHER_ROLE_ENTRY
  };
  uint32_t Roles = 0;
  for (const Decl *Redecl : D->redecls())
    for (const auto *Attr : Redecl->specific_attrs<AnnotateAttr>())
      for (const Role &R : All)
        if (Attr->getAnnotation() == R.Spelling)
          Roles |= 1u << R.Bit;
  return Roles;
}

/// Adds the roles of the templates `D` was instantiated from.
uint32_t collectRoles(const Decl *D) {
  uint32_t Roles = ownRoles(D);
  if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
    if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
      if (Pattern != FD)
        Roles |= ownRoles(Pattern);
    if (const FunctionTemplateDecl *Primary = FD->getPrimaryTemplate())
      Roles |= ownRoles(Primary->getTemplatedDecl());
    if (const FunctionDecl *Member = FD->getInstantiatedFromMemberFunction())
      Roles |= ownRoles(Member);
  }
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(D))
    if (const ClassTemplateDecl *Template = Spec->getSpecializedTemplate())
      Roles |= ownRoles(Template->getTemplatedDecl());
  if (const auto *Template = dyn_cast<TemplateDecl>(D))
    if (const NamedDecl *Templated = Template->getTemplatedDecl())
      Roles |= ownRoles(Templated);
  return Roles;
}

/// The checks ask about the same callees and classes at every call and
/// construction of them: each declaration's roles are collected once.
thread_local llvm::DenseMap<const Decl *, uint32_t> RolesOf;
/// The last declaration asked about and its roles: the checks ask several
/// questions of one callee in a row, each a map lookup otherwise.
thread_local std::pair<const Decl *, uint32_t> LastAsked;

} // namespace

bool hasRole(const Decl *D, Role R) {
  if (!D)
    return false;
  if (LastAsked.first != D) {
    auto [It, Inserted] = RolesOf.try_emplace(D, 0);
    if (Inserted)
      It->second = collectRoles(D);
    LastAsked = *It;
  }
  return LastAsked.second & (1u << R.Bit);
}

void forgetRoles() {
  RolesOf.clear();
  LastAsked = {};
}

std::string qualifiedName(const NamedDecl *D) {
  llvm::SmallVector<llvm::StringRef, 6> Parts;
  const DeclContext *DC = D->getDeclContext();
  if (D->getDeclName().isIdentifier())
    Parts.push_back(D->getName());
  else
    return D->getQualifiedNameAsString();
  for (; DC && !DC->isTranslationUnit(); DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Parts.push_back(NS->getName());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      if (!RD->getIdentifier())
        continue;
      Parts.push_back(RD->getName());
    } else if (isa<LinkageSpecDecl>(DC)) {
      continue;
    } else {
      break; // function-local declarations keep their short name
    }
  }
  std::string Name;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    if (!Name.empty())
      Name += "::";
    Name += *It;
  }
  return Name;
}

NameList::NameList(llvm::StringRef Option) : Raw(Option.str()) {
  for (llvm::StringRef Item : utils::options::parseStringList(Option)) {
    Item.consume_front("::");
    if (!Item.empty())
      Names.push_back(Item.str());
  }
}

bool NameList::contains(const NamedDecl *D) const {
  if (Names.empty() || !D)
    return false;
  const std::string Name = qualifiedName(D);
  for (const std::string &Candidate : Names)
    if (Candidate == Name)
      return true;
  return false;
}

} // namespace clang::tidy::tether::model
