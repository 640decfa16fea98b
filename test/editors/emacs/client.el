;;; client.el --- Emacs + eglot with the README's setup, against the installed package  -*- lexical-binding: t -*-
;;
;;   cd DRAFTS-PROJECT && SHITEI_EMACS_OUT=/tmp/out.json \
;;     emacs --batch -l client.el drafts/sheet.shitei
;;
;; No -Q: Debian's site-start is what puts elpa-eglot on the load path. The project root is
;; found by project.el from the `.git' folder of the drafts project. Writes one JSON object to
;; SHITEI_EMACS_OUT ((error . ...) on failure) and exits: 0 on success, 1 on failure.

;;;; ---------------------------------------------------------- the README's setup (verbatim)
(define-derived-mode shitei-mode text-mode "shitei")
(add-to-list 'auto-mode-alist '("\\.shitei\\'" . shitei-mode))
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               `(shitei-mode . ,(lambda (&optional _interactive)
                                  (list (expand-file-name "node_modules/.bin/shitei"
                                                          (project-root (project-current)))
                                        "lsp" "--stdio")))))
(add-hook 'shitei-mode-hook #'eglot-ensure)
;;;; ---------------------------------------------------------- end of the README's setup

(require 'eglot)
(require 'json)

(defvar shitei-test-result nil "Alist reported as JSON.")
(defvar shitei-test-out (getenv "SHITEI_EMACS_OUT"))

(defun shitei-test-put (key value) (push (cons key value) shitei-test-result))

(defun shitei-test-finish (code)
  (with-temp-file shitei-test-out
    (insert (json-encode shitei-test-result)))
  (ignore-errors (eglot-shutdown (eglot-current-server)))
  (kill-emacs code))

(defun shitei-test-wait (what predicate &optional seconds)
  "Let timers and process output run until PREDICATE is true, or signal after SECONDS."
  (let ((deadline (+ (float-time) (or seconds 20))))
    (while (not (funcall predicate))
      (when (> (float-time) deadline) (error "timed out waiting for %s" what))
      (accept-process-output nil 0.05))))

(defun shitei-test-diagnostic (pattern)
  (cl-find-if (lambda (d) (string-match-p pattern (flymake-diagnostic-text d)))
              (flymake-diagnostics)))

(defun shitei-test-main (file)
  (find-file file)
  (shitei-test-put 'major_mode (symbol-name major-mode))
  ;; eglot-ensure connects from post-command-hook in an interactive session; in --batch, start it
  ;; as eglot-ensure would.
  (unless (eglot-current-server) (apply #'eglot (eglot--guess-contact)))
  (shitei-test-wait "the server" (lambda () (eglot-current-server)))
  (shitei-test-put 'server_command (car (process-command (jsonrpc--process (eglot-current-server)))))
  (shitei-test-wait "expiry-mismatch" (lambda () (shitei-test-diagnostic "満了日は令和10年3月31日です")))
  ;; scope-vague needs the tokens, i.e. the dictionary shipped in the package.
  (shitei-test-wait "scope-vague" (lambda () (shitei-test-diagnostic "等")))
  (shitei-test-put 'diagnostics (vconcat (mapcar #'flymake-diagnostic-text (flymake-diagnostics))))
  ;; Hover on the 別表 reference.
  (goto-char (point-min))
  (re-search-forward "^別表：")
  (let ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover (eglot--TextDocumentPositionParams))))
    (shitei-test-put 'hover (plist-get (plist-get hover :contents) :value)))
  ;; The quick fix of expiry-mismatch, found and applied the way eglot's own command does.
  (let* ((diag (shitei-test-diagnostic "満了日は令和10年3月31日です"))
         (actions (eglot-code-actions (flymake-diagnostic-beg diag) (flymake-diagnostic-end diag) "quickfix"))
         (fix (cl-find-if (lambda (a) (string-match-p "令和10年3月31日" (plist-get a :title))) actions)))
    (shitei-test-put 'action_titles (vconcat (mapcar (lambda (a) (plist-get a :title)) actions)))
    (unless fix (error "no quick fix for expiry-mismatch"))
    (shitei-test-put 'action_title (plist-get fix :title))
    (eglot--apply-workspace-edit (plist-get fix :edit)))
  (shitei-test-put 'buffer_after (buffer-substring-no-properties (point-min) (point-max)))
  (shitei-test-finish 0))

(let ((file (car command-line-args-left)))
  (setq command-line-args-left nil)
  (condition-case err
      (shitei-test-main file)
    (error
     (shitei-test-put 'error (error-message-string err))
     (shitei-test-finish 1))))
