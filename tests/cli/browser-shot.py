#!/usr/bin/env python3
"""Screenshot of a page in headless Chromium once every image on it has
loaded: Chromium's own --screenshot may fire before the tiles of a page
that adds them from script are painted, so this drives the same browser
through the DevTools protocol on a pipe (--remote-debugging-pipe; no
port, no network), waits until every <img> is complete and two frames
have been drawn, then captures the page. Standard library only.
Usage: browser-shot.py CHROMIUM URL WIDTH HEIGHT OUT.png [TIMEOUT_S]"""
import base64
import fcntl
import json
import os
import subprocess
import sys
import tempfile
import time

chromium, url, width, height, out = sys.argv[1:6]
timeout = float(sys.argv[6]) if len(sys.argv) > 6 else 20

# Chromium reads commands on fd 3 and writes replies on fd 4.
to_browser, from_browser = os.pipe(), os.pipe()
high = [fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
        for fd in (to_browser[0], from_browser[1])]


def child_fds():
    os.dup2(high[0], 3)
    os.dup2(high[1], 4)


profile = tempfile.mkdtemp(prefix='convoymap-chromium-')
browser = subprocess.Popen(
    [chromium, '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
     '--no-first-run', '--disable-background-networking', '--disable-component-update',
     '--disable-sync', '--hide-scrollbars', '--remote-debugging-pipe',
     f'--user-data-dir={profile}', f'--window-size={width},{height}', 'about:blank'],
    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    preexec_fn=child_fds, close_fds=False)
for fd in (to_browser[0], from_browser[1], *high):
    os.close(fd)
writer = os.fdopen(to_browser[1], 'wb')
reader = os.fdopen(from_browser[0], 'rb')
deadline = time.monotonic() + timeout
buffered = b''
next_id = 0


def receive():
    global buffered
    while b'\0' not in buffered:
        chunk = os.read(reader.fileno(), 1 << 16)
        if not chunk:
            sys.exit('chromium closed the DevTools pipe')
        buffered += chunk
    message, buffered = buffered.split(b'\0', 1)
    return json.loads(message)


def call(method, session=None, **params):
    global next_id
    next_id += 1
    message = {'id': next_id, 'method': method, 'params': params}
    if session:
        message['sessionId'] = session
    writer.write(json.dumps(message).encode() + b'\0')
    writer.flush()
    while True:
        reply = receive()
        if reply.get('id') == next_id:
            if 'error' in reply:
                sys.exit(f'{method}: {reply["error"]}')
            return reply['result']


def evaluate(session, expression):
    result = call('Runtime.evaluate', session, expression=expression, returnByValue=True,
                  awaitPromise=True)
    return result['result'].get('value')


try:
    target = call('Target.createTarget', url='about:blank')['targetId']
    session = call('Target.attachToTarget', targetId=target, flatten=True)['sessionId']
    call('Emulation.setDeviceMetricsOverride', session, width=int(width),
         height=int(height), deviceScaleFactor=1, mobile=False)
    call('Page.navigate', session, url=url)
    loaded = ("document.readyState === 'complete' && document.images.length > 0 && "
              "[...document.images].every(i => i.complete)")
    while not evaluate(session, loaded):
        if time.monotonic() > deadline:
            sys.exit(f'the page did not load its images within {timeout} s')
        time.sleep(0.05)
    evaluate(session, 'new Promise(r => requestAnimationFrame(() => '
                      'requestAnimationFrame(() => r(true))))')
    shot = call('Page.captureScreenshot', session, format='png')['data']
    with open(out, 'wb') as f:
        f.write(base64.b64decode(shot))
    call('Browser.close')
finally:
    try:
        browser.wait(timeout=5)
    except subprocess.TimeoutExpired:
        browser.kill()
        browser.wait()
    subprocess.run(['rm', '-rf', profile], check=False)
