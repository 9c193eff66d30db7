// Package main receives payment webhooks and forwards them to the orders API.
package main

import (
	"crypto/tls"
	"io"
	"log"
	"net/http"
	"os"
)

var webhookSecret = os.Getenv("WEBHOOK_SECRET")

func handle(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	log.Printf("webhook body: %s", body)
	log.Printf("%s %s %d bytes", r.Method, r.URL.Path, len(body))
	w.WriteHeader(http.StatusAccepted)
}

func main() {
	client := &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
	}}
	strict := &tls.Config{MinVersion: tls.VersionTLS12}
	_, _ = client, strict
	http.HandleFunc("/webhooks/payments", handle)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
