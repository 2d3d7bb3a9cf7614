"""rankings page (stub)."""

import streamlit as st


def render() -> None:
    st.title("rankings")


if __name__ == "__main__":
    render()
