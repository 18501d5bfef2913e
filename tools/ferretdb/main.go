// Command ferretdb-embedded runs FerretDB (Apache-2.0) with its SQLite backend
// as a local MongoDB-compatible server for development and tests.
//
// It is started by app/mongo-server.ts when no MongoDB server is available.
//
//	ferretdb-embedded -listen 127.0.0.1:27018 -state-dir ./data/ferretdb [-parent-pid 1234]
//
// With -postgresql-url it uses FerretDB's PostgreSQL backend instead (not used by the app; for running
// the benchmarks against a server that, unlike SQLite, writes concurrently: see README, Benchmarks).
//
// Once the server accepts TCP connections it prints exactly one line,
// "READY <listen addr>", to stdout. FerretDB's own logs go to stderr at the
// level given by -log-level (warn by default). It exits cleanly on SIGTERM or
// SIGINT, and, with -parent-pid, when that process no longer exists (checked every second).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	os.Exit(run())
}

func run() int {
	listen := flag.String("listen", "127.0.0.1:27018", "TCP address to listen on (host:port)")
	stateDir := flag.String("state-dir", "", "directory for the SQLite database files (created if missing)")
	parentPID := flag.Int("parent-pid", 0, "exit when the process with this id no longer exists (0: disabled)")
	removeStateDir := flag.Bool("remove-state-dir", false, "delete -state-dir on exit (for throw-away test servers)")
	logLevel := flag.String("log-level", "warn", "FerretDB log level: debug, info, warn or error")
	postgresURL := flag.String("postgresql-url", "", "use FerretDB's PostgreSQL backend at this URL instead of SQLite (for benchmarks against a server with concurrent writes)")
	flag.Parse()

	// Once the parent is gone, its end of our stdout/stderr pipes is closed; a write there must not kill
	// us with SIGPIPE before we have cleaned up.
	signal.Ignore(syscall.SIGPIPE)

	fail := func(format string, args ...any) int {
		fmt.Fprintf(os.Stderr, "ferretdb-embedded: "+format+"\n", args...)
		return 1
	}

	if *stateDir == "" {
		return fail("-state-dir is required")
	}

	if _, _, err := net.SplitHostPort(*listen); err != nil {
		return fail("invalid -listen %q: %v", *listen, err)
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		return fail("invalid -log-level %q: %v", *logLevel, err)
	}

	dir, err := filepath.Abs(*stateDir)
	if err != nil {
		return fail("invalid -state-dir: %v", err)
	}

	if err = os.MkdirAll(dir, 0o700); err != nil {
		return fail("cannot create -state-dir: %v", err)
	}

	logger := slog.New(quietHandler{slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level})})
	slog.SetDefault(logger)

	// FerretDB expects a directory URI ending with a slash, e.g. "file:/abs/dir/".
	sqliteURL := (&url.URL{Scheme: "file", Opaque: filepath.ToSlash(dir) + "/"}).String()

	config := &ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: sqliteURL,
	}
	if *postgresURL != "" {
		config.Handler = "postgresql"
		config.SQLiteURL = ""
		config.PostgreSQLURL = *postgresURL
	}

	f, err := ferretdb.New(config)
	if err != nil {
		return fail("%v", err)
	}

	if *removeStateDir {
		defer os.RemoveAll(dir)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	if *parentPID > 0 {
		go watchParent(ctx, cancel, *parentPID)
	}

	done := make(chan error, 1)

	go func() {
		done <- f.Run(ctx)
	}()

	if err = waitListening(ctx, *listen, done); err != nil {
		cancel(err)
		<-done

		return fail("%v", err)
	}

	fmt.Fprintf(os.Stdout, "READY %s\n", *listen)

	err = <-done

	if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) {
		fmt.Fprintf(os.Stderr, "ferretdb-embedded: stopping: %v\n", cause)
	}

	if err != nil {
		return fail("%v", err)
	}

	return 0
}

// waitListening dials addr until it accepts a connection, FerretDB's Run returns, or ctx ends.
func waitListening(ctx context.Context, addr string, done <-chan error) error {
	deadline := time.Now().Add(60 * time.Second)

	for {
		conn, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			_ = conn.Close()
			return nil
		}

		if time.Now().After(deadline) {
			return fmt.Errorf("FerretDB did not start listening on %s: %v", addr, err)
		}

		select {
		case <-ctx.Done():
			return context.Cause(ctx)
		case runErr := <-done:
			if runErr == nil {
				runErr = errors.New("FerretDB stopped before it started listening (is the port in use?)")
			}
			return runErr
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// watchParent cancels ctx once the process pid no longer exists.
func watchParent(ctx context.Context, cancel context.CancelCauseFunc, pid int) {
	t := time.NewTicker(time.Second)
	defer t.Stop()

	// If the watched process is our direct parent, being re-parented also means it is gone
	// (this also covers the rare case of its pid being reused by another process).
	directParent := os.Getppid() == pid

	for {
		if !processAlive(pid) || directParent && os.Getppid() != pid {
			cancel(fmt.Errorf("parent process %d is gone", pid))
			return
		}

		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// processAlive reports whether a process with the given id exists (and is not a zombie).
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	if err != nil && !errors.Is(err, syscall.EPERM) {
		return false
	}

	// A zombie still answers signal 0; treat it as gone.
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return !errors.Is(err, os.ErrNotExist)
	}

	s := string(stat)
	if i := strings.LastIndexByte(s, ')'); i >= 0 && i+2 < len(s) {
		return s[i+2] != 'Z'
	}

	return true
}

// quietHandler drops FerretDB's harmless warnings about connections closed by clients
// ("Failed to set deadline: ... use of closed network connection"), logged at random on disconnects.
type quietHandler struct{ slog.Handler }

func (h quietHandler) Handle(ctx context.Context, r slog.Record) error {
	if strings.HasPrefix(r.Message, "Failed to set deadline") {
		return nil
	}

	return h.Handler.Handle(ctx, r)
}

func (h quietHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return quietHandler{h.Handler.WithAttrs(attrs)}
}

func (h quietHandler) WithGroup(name string) slog.Handler {
	return quietHandler{h.Handler.WithGroup(name)}
}
