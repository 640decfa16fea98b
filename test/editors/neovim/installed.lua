-- Neovim 0.7+ with the README's setup, starting the language server that `npm install
-- ./shitei-X.tgz` put into the drafts project (node_modules/.bin/shitei), and a headless driver
-- that checks what a user sees: diagnostics arrive, a hover answers, a code action applies.
--
--   SHITEI_NVIM_OUT=/tmp/out.json nvim --headless --clean -n -i NONE -u installed.lua drafts/sheet.shitei
--   (started in the drafts project's folder)
--
-- Writes one JSON object to SHITEI_NVIM_OUT ({error=...} on failure) and exits.

---------------------------------------------------------------- the README's 0.7 setup (verbatim)
vim.cmd([[autocmd BufRead,BufNewFile *.shitei setfiletype shitei]])
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'shitei',
  callback = function(args)
    local root = vim.fn.getcwd()
    _G.shitei_client = _G.shitei_client or vim.lsp.start_client({
      name = 'shitei',
      cmd = { root .. '/node_modules/.bin/shitei', 'lsp', '--stdio' },
      root_dir = root,
    })
    vim.lsp.buf_attach_client(args.buf, _G.shitei_client)
  end,
})
---------------------------------------------------------------- end of the README's setup

local out_path = os.getenv('SHITEI_NVIM_OUT') or ''
local step_ms = 15000
local json_encode = (vim.json and vim.json.encode) or vim.fn.json_encode
local result = { trace = {} }
local finished = false

local function write(text)
  local f = io.open(out_path, 'w')
  if f then f:write(text) f:close() end
end

local hard = vim.loop.new_timer()
hard:start(45000, 0, function()
  if finished then return end
  finished = true
  write('{"error":"hard timeout"}')
  os.exit(3)
end)

local function finish(code)
  if finished then return end
  finished = true
  hard:stop()
  write(json_encode(result))
  if _G.shitei_client then pcall(vim.lsp.stop_client, _G.shitei_client, true) end
  vim.cmd(code == 0 and 'qa!' or 'cq! 1')
end

local function wait_for(what, cond)
  if not vim.wait(step_ms, cond, 20) then error('timed out waiting for ' .. what, 0) end
end

-- Keep the raw published diagnostics (the driver sends one back with its code action request).
local raw_published = {}
local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
  if params and params.diagnostics then raw_published = params.diagnostics end
  return publish(err, params, ctx, config)
end

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function find_diag(bufnr, code)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if code_of(d) == code then return d end
  end
end

local function main()
  local bufnr = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[bufnr].filetype
  result.nvim_version = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch
  wait_for('the client to attach', function() return _G.shitei_client and vim.lsp.get_client_by_id(_G.shitei_client) ~= nil and vim.lsp.get_client_by_id(_G.shitei_client).initialized end)
  local client = vim.lsp.get_client_by_id(_G.shitei_client)
  result.cmd_started = true
  wait_for('expiry-mismatch', function() return find_diag(bufnr, 'expiry-mismatch') ~= nil end)
  wait_for('scope-vague (dictionary)', function() return find_diag(bufnr, 'scope-vague') ~= nil end)
  result.codes = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do table.insert(result.codes, code_of(d)) end

  local uri = vim.uri_from_bufnr(bufnr)
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local beppyo_line
  for i, l in ipairs(lines) do if l:find('^別表：') then beppyo_line = i - 1 end end
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
    textDocument = { uri = uri }, position = { line = beppyo_line, character = 5 },
  }, step_ms)
  for _, r in pairs(hover or {}) do
    if r.result and r.result.contents then
      local c = r.result.contents
      result.hover = type(c) == 'string' and c or c.value
    end
  end

  local d = find_diag(bufnr, 'expiry-mismatch')
  -- The LSP diagnostic as published (what Neovim's own code-action request sends back).
  local lsp_diag
  for _, ld in ipairs(raw_published) do
    if ld.code == 'expiry-mismatch' then lsp_diag = ld end
  end
  if not lsp_diag then error('expiry-mismatch not among the raw published diagnostics', 0) end
  local actions = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = uri }, range = lsp_diag.range, context = { diagnostics = { lsp_diag } },
  }, step_ms)
  local chosen
  result.action_titles = {}
  for _, r in pairs(actions or {}) do
    if r.err or r.error then result.action_error = vim.inspect(r.err or r.error) end
    for _, a in ipairs(r.result or {}) do
      table.insert(result.action_titles, a.title)
      if not chosen and a.kind == 'quickfix' and a.edit then chosen = a end
    end
  end
  if not chosen then error('no quickfix with an edit', 0) end
  result.action_title = chosen.title
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  result.buffer_after = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  finish(0)
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    vim.schedule(function()
      local ok, err = pcall(main)
      if not ok then
        result.error = tostring(err)
        finish(1)
      end
    end)
  end,
})
