-- Headless Neovim over a large workspace (push diagnostics, as Neovim 0.7 has no pull): hovers
-- are sent one after another from the moment the server is up, while it indexes the folder,
-- until the opened sheet's cross-file diagnostic (serial-duplicate) arrives.
--
--   SHITEI_LSP_CMD='["/usr/bin/node","/abs/bin/shitei.js","lsp","--stdio"]' \
--   SHITEI_NVIM_OUT=/tmp/out.json SHITEI_NVIM_HOVER_LINE=6 \
--   nvim --headless --clean -u test/editors/neovim/scale.lua /tmp/ws/opened.shitei
--
-- Writes one JSON object to SHITEI_NVIM_OUT: every hover's latency (ms) and whether it had
-- content, when the cross-file diagnostic came (ms after start) and its message.

local out_path = os.getenv('SHITEI_NVIM_OUT') or ''
local cmd_json = os.getenv('SHITEI_LSP_CMD') or ''
local hover_line = tonumber(os.getenv('SHITEI_NVIM_HOVER_LINE') or '') or 6
local hard_ms = tonumber(os.getenv('SHITEI_NVIM_HARD_MS') or '') or 180000
local json_encode = (vim.json and vim.json.encode) or vim.fn.json_encode
local json_decode = (vim.json and vim.json.decode) or vim.fn.json_decode
local t0 = vim.loop.hrtime()
local function now_ms() return (vim.loop.hrtime() - t0) / 1e6 end

local result = { hovers = {}, cross_at = vim.NIL, cross_message = vim.NIL, trace = {} }
local finished = false
local client_id

local function finish(code)
  if finished then return end
  finished = true
  local f = io.open(out_path, 'w')
  if f then
    f:write(json_encode(result))
    f:close()
  end
  if client_id then pcall(vim.lsp.stop_client, client_id, true) end
  vim.cmd((code == 0) and 'qa!' or ('cq! ' .. tostring(code)))
end

local hard_timer = vim.loop.new_timer()
hard_timer:start(hard_ms, 0, vim.schedule_wrap(function()
  result.error = 'hard timeout after ' .. hard_ms .. ' ms'
  finish(3)
end))

local function main()
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'shitei'
  local uri = vim.uri_from_bufnr(bufnr)
  local ok, cmd = pcall(json_decode, cmd_json)
  if not ok then
    result.error = 'bad SHITEI_LSP_CMD'
    return finish(1)
  end
  local dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':p:h')
  local status
  client_id = vim.lsp.start_client({
    name = 'shitei',
    cmd = cmd,
    cmd_cwd = dir,
    root_dir = dir,
    capabilities = vim.lsp.protocol.make_client_capabilities(),
    handlers = {
      ['shitei/status'] = function(_, r) status = r and r.state end,
      ['textDocument/publishDiagnostics'] = function(_, r)
        if r and r.uri == uri and result.cross_at == vim.NIL then
          for _, d in ipairs(r.diagnostics or {}) do
            if d.code == 'serial-duplicate' then
              result.cross_at = now_ms()
              result.cross_message = d.message
            end
          end
        end
      end,
      ['window/showMessage'] = function() end,
      ['window/logMessage'] = function() end,
      ['client/registerCapability'] = function() return vim.NIL end,
    },
  })
  vim.lsp.buf_attach_client(bufnr, client_id)
  vim.wait(20000, function()
    local c = vim.lsp.get_client_by_id(client_id)
    return c ~= nil and c.initialized == true
  end, 10)
  result.initialized_at = now_ms()
  -- Hovers one after another until the cross-file diagnostic has come (and a few after).
  local after = 0
  while after < 3 do
    local t = now_ms()
    local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
      textDocument = { uri = uri }, position = { line = hover_line, character = 4 },
    }, 10000)
    local has = false
    for _, resp in pairs(responses or {}) do
      if resp.result and resp.result.contents then has = true end
    end
    table.insert(result.hovers, { ms = now_ms() - t, at = t, content = has, indexing = result.cross_at == vim.NIL })
    if result.cross_at ~= vim.NIL then after = after + 1 end
    vim.wait(50)
  end
  result.status = status
  finish(0)
end

vim.api.nvim_create_autocmd('VimEnter', { once = true, callback = function()
  vim.schedule(function()
    local ok, err = pcall(main)
    if not ok and not finished then
      result.error = tostring(err)
      finish(1)
    end
  end)
end })
