# Debian packages from CPack (`make deb`, scripts/package-deb.sh), one per
# install component:
#   tether         tools: tether-tidy, tether-ci/-sarif/-diff/-pre-commit,
#                  tether-tidy-load and the --load module, the preload
#                  library, the docs. It Depends on the LLVM libraries its
#                  binaries link and Enhances the clang-tidy that loads
#                  the module.
#   libtether-dev  dev: the runtime's headers, libtether.a, its CMake
#                  package and tether.pc.
set(tether_llvm_major ${TETHER_LLVM_MAJOR}) # from checks/

# The Debian package that ships a file of this machine, e.g. libbacktrace.a.
function(tether_debian_package_of file out)
  execute_process(COMMAND dpkg-query -S ${file} OUTPUT_VARIABLE owner
    ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
  string(REGEX REPLACE "[:,].*" "" owner "${owner}")
  set(${out} ${owner} PARENT_SCOPE)
endfunction()
tether_debian_package_of(${TETHER_LIBBACKTRACE} tether_backtrace_package)
if(NOT tether_backtrace_package)
  set(tether_backtrace_package libgcc-12-dev)
endif()

set(CPACK_PACKAGE_NAME tether)
set(CPACK_PACKAGE_VENDOR "tether")
set(CPACK_PACKAGE_CONTACT "tether developers <tether@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "finds leaked threads, tasks and waits in C++ (clang-tidy checks, runtime)")
set(CPACK_GENERATOR DEB)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL tools dev)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)

set(CPACK_DEBIAN_TOOLS_PACKAGE_NAME tether)
set(CPACK_DEBIAN_TOOLS_PACKAGE_SECTION devel)
# dpkg-shlibdeps (dpkg-dev) names the libraries the binaries link:
# libclang-cpp, the C and C++ runtimes, and tether-clangd's gRPC, protobuf
# and Abseil. It cannot name libLLVM: the RUNPATH leads it to llvm-N-dev's
# symbolic link, which has no shlibs information (CPack passes
# --ignore-missing-info), so libllvmN is named here. The report tools need
# Python with PyYAML.
set(CPACK_DEBIAN_TOOLS_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_TOOLS_PACKAGE_DEPENDS
  "libllvm${tether_llvm_major}, python3, python3-yaml")
# run-clang-tidy-N (tether-ci) and the clang-tidy that --loads the module.
set(CPACK_DEBIAN_TOOLS_PACKAGE_RECOMMENDS "clang-tidy-${tether_llvm_major}")
set(CPACK_DEBIAN_TOOLS_PACKAGE_ENHANCES "clang-tidy-${tether_llvm_major}")
set(CPACK_COMPONENT_TOOLS_DESCRIPTION
  "tether's clang-tidy checks: tether-tidy, the CI gate and report tools
tether-tidy (clang-tidy ${tether_llvm_major} with the tether checks built in),
the module for clang-tidy-${tether_llvm_major} --load, tether-ci, tether-sarif,
tether-diff, the pre-commit hook and the LD_PRELOAD thread leak reporter.")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME libtether-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS
  "libboost-fiber${TETHER_BOOST_VERSION}-dev, libboost-context${TETHER_BOOST_VERSION}-dev, ${tether_backtrace_package}")
set(CPACK_COMPONENT_DEV_DESCRIPTION
  "tether's C++20 runtime: channels, contexts, tasks and the leak detector
Headers, libtether.a and its CMake package (find_package(tether) gives
tether::tether) and tether.pc for pkg-config.")

include(CPack)
