;; tether in Emacs. eglot (built in since Emacs 29): tether-clangd as the
;; C/C++ language server; its tether-* diagnostics show through Flymake.
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((c-mode c++-mode c-ts-mode c++-ts-mode) . ("tether-clangd"))))
(add-hook 'c++-mode-hook #'eglot-ensure)
(add-hook 'c++-ts-mode-hook #'eglot-ensure)

;; flycheck with the flycheck-clang-tidy package: tether-tidy as clang-tidy,
;; reading the build directory's compile_commands.json and .clang-tidy.
(setq flycheck-clang-tidy-executable "tether-tidy")
(setq flycheck-clang-tidy-build-path "build")
(add-hook 'flycheck-mode-hook #'flycheck-clang-tidy-setup)
